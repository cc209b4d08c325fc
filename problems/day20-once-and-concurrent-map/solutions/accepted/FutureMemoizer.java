package katas.day20.solutions.accepted;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.function.Function;
import java.util.function.Supplier;
import katas.day20.LoadingMap;
import katas.day20.Registry;

/**
 * The memoizer of "Java Concurrency in Practice": a FutureTask per key, put
 * with putIfAbsent; the thread whose task got in runs it, on its own thread,
 * and everyone else waits in get(). A FutureTask is also a once.
 */
public final class FutureMemoizer implements Registry {

    @Override
    public <T> Supplier<T> once(Supplier<T> init) {
        FutureTask<T> task = new FutureTask<>(init::get);
        return () -> {
            task.run(); // runs init the first time; does nothing once it ran or while it runs
            return await(task);
        };
    }

    @Override
    public <K, V> LoadingMap<K, V> loadingMap(Function<? super K, ? extends V> loader) {
        ConcurrentHashMap<K, FutureTask<V>> values = new ConcurrentHashMap<>();
        return new LoadingMap<>() {
            @Override
            public V get(K key) {
                FutureTask<V> task = values.get(key);
                if (task == null) {
                    FutureTask<V> mine = new FutureTask<>(() -> loader.apply(key));
                    task = values.putIfAbsent(key, mine);
                    if (task == null) {
                        task = mine;
                        mine.run();
                    }
                }
                return await(task);
            }

            @Override
            public V getIfLoaded(K key) {
                FutureTask<V> task = values.get(key);
                return task != null && task.state() == Future.State.SUCCESS ? task.resultNow() : null;
            }
        };
    }

    private static <T> T await(FutureTask<T> task) {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return task.get();
                } catch (InterruptedException e) {
                    interrupted = true; // get() here cannot give up: keep waiting, restore the flag after
                } catch (ExecutionException e) {
                    throw new IllegalStateException("the loader failed", e.getCause());
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
