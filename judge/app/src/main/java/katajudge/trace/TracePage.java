package katajudge.trace;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import katajudge.protocol.ThreadSnapshot;
import katajudge.report.Result;
import katajudge.score.Finding;
import katajudge.score.Verdict;

/**
 * The report page of one judging (or one {@code judge run}): a single HTML
 * file that works offline, with the verdict and findings, a timeline of the
 * learner's threads coloured by state with the tests and speedup runs marked,
 * the wait-for graph of a deadlock, the speedup as a chart, and the learner's
 * source lines the page names. The data is embedded as JSON and drawn with
 * {@code textContent} and attributes only, so no name or message from a
 * submission can inject markup.
 */
public final class TracePage {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern CPU = Pattern.compile("used (\\d+)% of a CPU");

    private TracePage() {}

    /** What a page shows; every part but the title may be missing. */
    public record Content(String title, Result result, Timeline timeline, List<SourceLines.Place> sources,
                          String recordingFile) {}

    public static String render(Content c) throws JsonProcessingException {
        // Written straight from the records: a tree of them first (valueToTree) cost a tenth of a day-27 page.
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("title", c.title());
        data.put("result", c.result());
        data.put("timeline", c.timeline());
        data.put("sources", c.sources() == null ? List.of() : c.sources());
        data.put("jfr", c.recordingFile());
        // '<' only occurs inside JSON strings, where \u003c means the same: no markup can start in the data.
        String json = JSON.writeValueAsString(data).replace("<", "\\u003c");
        return TEMPLATE.replace("/*DATA*/", json);
    }

    /**
     * What the findings say about single threads, by thread id: the page
     * marks their lanes (a leaked thread, a spinning one, a deadlocked one).
     */
    public static Map<Long, String> marks(List<Finding> findings) {
        Map<Long, String> marks = new HashMap<>();
        for (Finding f : findings == null ? List.<Finding>of() : findings) {
            String mark = switch (f.verdict() == null ? Verdict.THREAD_LEAK : f.verdict()) {
                case DEADLOCK -> "deadlocked";
                case THREAD_LEAK -> "leaked: " + f.headline().replaceFirst("^\\d+ threads? ", "");
                case BUSY_WAIT -> {
                    Matcher m = CPU.matcher(f.headline());
                    yield "busy-waits: " + (m.find() ? m.group(1) + "% of a CPU" : "spins");
                }
                case TIME_LIMIT -> "running at the time limit";
                default -> null;
            };
            if (mark != null && f.threads() != null) {
                for (ThreadSnapshot t : f.threads()) {
                    marks.putIfAbsent(t.id(), mark);
                }
            }
        }
        return marks;
    }

    private static final String TEMPLATE = """
            <!doctype html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>Threads report</title>
            <style>
              :root { --label: 230px; --running: #009E73; --runnable: #a6d4ee; --blocked: #D55E00; --waiting: #E69F00;
                      --sleeping: #0072B2; --ink: #1d2330; --dim: #667; --line: #d8dce6; }
              * { box-sizing: border-box; }
              body { font: 14px/1.45 system-ui, sans-serif; margin: 20px; color: var(--ink); }
              h1 { font-size: 20px; margin: 0 0 4px; } h2 { font-size: 16px; margin: 24px 0 8px; }
              .meta { color: var(--dim); } .verdict { font-weight: 700; padding: 2px 8px; border-radius: 4px; }
              .ok { background: #cdebd9; } .bad { background: #f7cfc0; } .meh { background: #ffe9b0; }
              .finding { border-left: 4px solid var(--blocked); padding: 4px 10px; margin: 8px 0; background: #fbf7f4; }
              .finding .head { font-weight: 600; } .finding ul { margin: 4px 0; padding-left: 18px; }
              .finding details { margin: 2px 0 4px 18px; } .finding summary { cursor: pointer; color: #334; }
              .finding li.frame { list-style: none; font: 12px ui-monospace, monospace; margin-left: 12px; }
              .legend span { display: inline-flex; align-items: center; margin-right: 14px; font-size: 13px; }
              .legend i { width: 14px; height: 12px; margin-right: 5px; border-radius: 2px; display: inline-block; }
              .s-RUNNING { background: var(--running); } .s-RUNNABLE { background: var(--runnable); }
              .s-BLOCKED { background: repeating-linear-gradient(45deg, var(--blocked) 0 4px, #f08a55 4px 7px); }
              .s-WAITING { background: var(--waiting); } .s-SLEEPING { background: var(--sleeping); }
              #timeline { position: relative; border: 1px solid var(--line); padding: 4px 0 8px; }
              .axis, .regions, .lane, .band { display: flex; align-items: center; }
              .name { width: var(--label); flex: none; padding: 0 8px; font-size: 12px; white-space: nowrap;
                      overflow: hidden; text-overflow: ellipsis; }
              .track { position: relative; flex: 1; height: 16px; }
              .lane .track { background: #f6f7fa; }
              .span { position: absolute; top: 2px; bottom: 2px; min-width: 1px; }
              .past { position: absolute; top: 0; bottom: 0; border: 2px dashed #b00020; pointer-events: none; }
              .regions .track { height: 22px; }
              .region { position: absolute; top: 0; bottom: 0; font-size: 11px; overflow: hidden; white-space: nowrap;
                        border-left: 1px solid #889; padding: 3px 3px; background: #eef0f5; }
              .region.speedup { background: #e7f0fb; }
              .boundary { position: absolute; top: 0; bottom: 0; width: 0; border-left: 1px dashed #aab; pointer-events: none; }
              .axis .track { height: 16px; font-size: 11px; color: var(--dim); }
              .tick { position: absolute; transform: translateX(-50%); }
              .group { border-top: 1px solid var(--line); margin-top: 4px; padding-top: 2px; }
              .group > .site { font-size: 12px; padding: 2px 8px; color: #334; }
              .group > .site b { font-weight: 600; }
              .band .track { height: 28px; } .band canvas { width: 100%; height: 26px; display: block; }
              .badge { font-size: 11px; background: #b00020; color: #fff; border-radius: 3px; padding: 0 4px; margin-left: 4px; }
              .badge.busy { background: #7a3e00; } .badge.deadlocked { background: #5b1a8a; }
              #tip { position: fixed; z-index: 9; background: #1d2330; color: #fff; font: 12px/1.4 ui-monospace, monospace;
                     padding: 6px 8px; border-radius: 4px; white-space: pre; pointer-events: none; display: none; max-width: 90vw; }
              svg text { font: 12px system-ui, sans-serif; }
              #waitfor .thread rect { fill: #fff; stroke: #445; } #waitfor .resource rect { fill: #fff3d6; stroke: #b07a00; }
              #waitfor .edge { stroke: #889; stroke-width: 1.5; fill: none; }
              #waitfor .edge.cycle { stroke: #b00020; stroke-width: 3; }
              #waitfor .node.cycle rect { stroke: #b00020; stroke-width: 3; }
              .src { font: 12px/1.5 ui-monospace, monospace; border: 1px solid var(--line); margin: 6px 0; }
              .src .file { background: #f2f4f8; padding: 2px 8px; } .src pre { margin: 0; padding: 2px 0; }
              .src .hit { background: #fff1c2; } .src .no { color: #99a; display: inline-block; width: 48px; text-align: right; padding-right: 8px; }
              a.frame { color: #0a4ea3; }
              table.tests td { padding: 1px 8px; } .note { color: var(--dim); font-size: 12px; }
            </style>
            </head>
            <body>
            <h1 id="title"></h1>
            <div class="meta" id="meta"></div>
            <div id="findings"></div>
            <h2>Threads over time</h2>
            <div class="legend" id="legend"></div>
            <p class="note" id="tlnote"></p>
            <div id="timeline"></div>
            <div id="graph"></div>
            <div id="speedup"></div>
            <div id="tests"></div>
            <div id="sources"></div>
            <div id="tip"></div>
            <script type="application/json" id="data">/*DATA*/</script>
            <script>
            (function () {
              var D = JSON.parse(document.getElementById('data').textContent);
              var R = D.result, T = D.timeline;
              var STATES = ['RUNNING', 'RUNNABLE', 'BLOCKED', 'WAITING', 'SLEEPING'];
              var WORDS = {RUNNING: 'running (seen on a CPU)', RUNNABLE: 'runnable (ready, or in native code)',
                BLOCKED: 'blocked on a monitor', WAITING: 'waiting (park, wait, join, queue, latch, future)', SLEEPING: 'sleeping'};
              var COLOURS = {RUNNING: '#009E73', RUNNABLE: '#a6d4ee', BLOCKED: '#D55E00', WAITING: '#E69F00', SLEEPING: '#0072B2'};
              function el(tag, cls, text) { var e = document.createElement(tag); if (cls) e.className = cls;
                if (text != null) e.textContent = text; return e; }
              function svg(tag, attrs) { var e = document.createElementNS('http://www.w3.org/2000/svg', tag);
                for (var k in attrs) e.setAttribute(k, attrs[k]); return e; }
              function ms(micros) { var m = micros / 1000; return m >= 1000 ? (m / 1000).toFixed(2) + ' s' : m.toFixed(m < 10 ? 1 : 0) + ' ms'; }
              function str(i) { return i >= 0 && T ? T.strings[i] : null; }
              var placeKey = function (frame) {
                var m = /([\\w.$]+)\\.[\\w$<>]+\\(([\\w$]+\\.java):(\\d+)\\)/.exec(frame); if (!m) return null;
                var cls = m[1], pkg = cls.indexOf('.') >= 0 ? cls.substring(0, cls.lastIndexOf('.')).replace(/\\./g, '/') + '/' : '';
                return pkg + m[2] + ':' + m[3]; };
              var places = {}; (D.sources || []).forEach(function (p) { places[p.key] = p; });
              // the learner's frame, else the first above the JDK's parking machinery (as the terminal report)
              var MACHINERY = /^(jdk\\.internal\\.|java\\.util\\.concurrent\\.locks\\.|java\\.lang\\.Thread\\.|java\\.lang\\.VirtualThread\\.|java\\.lang\\.Object\\.wait|java\\.util\\.concurrent\\.ForkJoinPool\\.|katas\\.support\\.)/;
              function learnerFrame(frames) { frames = frames || [];
                var f = frames.filter(function (x) { return x.indexOf('> ') === 0; })[0];
                if (f) return f.substring(2);
                f = frames.filter(function (x) { return !MACHINERY.test(x); })[0];
                return f || frames[0] || null; }

              document.getElementById('title').textContent = D.title;
              var meta = document.getElementById('meta');
              if (R) {
                var v = el('span', 'verdict ' + (R.verdict === 'ACCEPTED' ? 'ok' : /SLOW|BUSY|LEAK|MANY/.test(R.verdict) ? 'meh' : 'bad'), R.verdict);
                v.id = 'verdict'; meta.appendChild(v);
                meta.appendChild(document.createTextNode(' ' + R.verdictMeaning + ' · score ' + Math.round(R.score.total)
                  + '/100 · ' + R.who + ' · judged ' + (R.judgedAt || '').replace('T', ' ').replace('Z', ' UTC')));
              }
              if (D.jfr) { var a = el('a', null, 'the flight recording (' + D.jfr + ')'); a.href = D.jfr;
                meta.appendChild(document.createTextNode(' · ')); meta.appendChild(a);
                meta.appendChild(document.createTextNode(' opens in JDK Mission Control')); }

              // ---------------------------------------------------------------- findings
              var findings = document.getElementById('findings');
              ((R && R.findings) || []).forEach(function (f) {
                var box = el('div', 'finding'); box.dataset.verdict = f.verdict;
                box.appendChild(el('div', 'head', f.verdict + ': ' + f.headline));
                var ul = el('ul');
                (f.details || []).slice(0, 12).forEach(function (d) { ul.appendChild(el('li', null, d)); });
                if (ul.children.length) box.appendChild(ul);
                // threads alike (same state, wait, stuck and creation site) are one entry, as the terminal report does
                var alike = [], byKey = {};
                (f.threads || []).forEach(function (t) {
                  var at = learnerFrame(t.stack), made = learnerFrame(t.createdAt);
                  var key = [t.state, (t.waitingOn || '').replace(/@[0-9a-f]+$/, ''), at, made].join('|');
                  if (byKey[key]) { byKey[key].names.push(t.name); return; }
                  byKey[key] = {t: t, at: at, made: made, names: [t.name]}; alike.push(byKey[key]);
                });
                if (alike.length) {
                  var det = el('details'); det.open = alike.length <= 3;
                  det.appendChild(el('summary', null, (f.threads.length === 1 ? 'the thread' : f.threads.length + ' threads')
                    + (alike.length < f.threads.length ? ' (' + alike.length + ' kinds)' : '')));
                  var tl2 = el('ul');
                  alike.slice(0, 12).forEach(function (g) {
                    var t = g.t, names = g.names.length > 3 ? g.names.slice(0, 3).join("', '") + "' and " + (g.names.length - 3) + ' more'
                      : g.names.join("', '") + "'";
                    tl2.appendChild(el('li', 'thread', "'" + names + ' (' + (t.virtual ? 'virtual' : 'platform') + ') '
                      + (t.state || '') + (t.waitingOn ? ' on ' + t.waitingOn : '') + (t.heldBy ? ", held by '" + t.heldBy + "'" : '')));
                    if (g.at) tl2.appendChild(el('li', 'frame', 'stuck at ' + g.at));
                    if (g.made) tl2.appendChild(el('li', 'frame', 'created at ' + g.made));
                  });
                  det.appendChild(tl2); box.appendChild(det);
                }
                findings.appendChild(box);
              });

              // ---------------------------------------------------------------- timeline
              var legend = document.getElementById('legend');
              STATES.forEach(function (s) { var sp = el('span'); sp.appendChild(el('i', 's-' + s)); sp.appendChild(document.createTextNode(WORDS[s])); legend.appendChild(sp); });
              var tl = document.getElementById('timeline'), tip = document.getElementById('tip');
              // After a deadlock or a time limit the tests left run in a fresh JVM, which is not recorded: say so.
              function unrecorded() {
                if (!T || !R || !R.tests) return '';
                var stopped = R.tests.some(function (t) { return ['DEADLOCKED', 'TIMED_OUT', 'CAPPED'].indexOf(t.status) >= 0; });
                if (!stopped) return ''; // no fresh JVM ran (a test can also be missing when a huge recording dropped its start)
                var seen = {}; T.regions.forEach(function (r) { seen[r.name] = true; });
                var after = R.tests.filter(function (t) { return t.status !== 'NOT_RUN' && t.status !== 'SKIPPED' && !seen[t.name]; });
                return after.length ? ' Not in this timeline: ' + after.map(function (t) { return t.name; }).join(', ')
                  + ', run after the stop in a fresh JVM, which is not recorded.' : '';
              }
              if (!T || !T.groups.length) {
                document.getElementById('tlnote').textContent = (T ? 'The recording saw no thread of yours.' : 'No recording was kept for this run.')
                  + unrecorded();
              } else {
                var total = Math.max(1, T.micros);
                var pct = function (t) { return (100 * t / total) + '%'; };
                var place = function (node, a, b) { node.style.left = pct(a); node.style.width = (100 * Math.max(0, b - a) / total) + '%'; };
                document.getElementById('tlnote').textContent = T.threads + ' thread' + (T.threads === 1 ? '' : 's') + ' in '
                  + T.groups.length + ' group' + (T.groups.length === 1 ? '' : 's') + ' by creation site, over ' + ms(T.micros)
                  + '. Waits shorter than 5 ms are not recorded and show as running. Hover a span for its stack.'
                  + unrecorded();
                var axis = el('div', 'axis'); axis.appendChild(el('div', 'name', 'time'));
                var at = el('div', 'track'); axis.appendChild(at);
                for (var k = 0; k <= 10; k++) { var tk = el('span', 'tick', ms(total * k / 10)); tk.style.left = (k * 10) + '%'; at.appendChild(tk); }
                tl.appendChild(axis);
                var rg = el('div', 'regions'); rg.appendChild(el('div', 'name', 'tests and speedup runs'));
                var rt = el('div', 'track'); rg.appendChild(rt); tl.appendChild(rg);
                T.regions.forEach(function (r) {
                  var d = el('div', 'region ' + r.kind, r.name.replace(/^speedup: /, ''));
                  d.dataset.region = r.name; d.title = r.name + '\\n' + ms(r.end - r.start); place(d, r.start, r.end); rt.appendChild(d);
                });
                var lanesBox = el('div'); tl.appendChild(lanesBox);
                T.groups.forEach(function (g) {
                  var box = el('section', 'group'); box.dataset.site = g.site; box.dataset.size = g.size;
                  var head = el('div', 'site'); head.appendChild(el('b', null, g.size + ' × '));
                  head.appendChild(document.createTextNode(g.site)); box.appendChild(head);
                  if (g.slices > 0) {
                    var band = el('div', 'band'); band.appendChild(el('div', 'name', 'all ' + g.size + ' (share by state)'));
                    var bt = el('div', 'track'); var cv = document.createElement('canvas'); bt.appendChild(cv); band.appendChild(bt);
                    box.appendChild(band); drawBand(cv, g);
                  }
                  g.lanes.forEach(function (l) { box.appendChild(lane(l)); });
                  if (g.size > g.lanes.length) box.appendChild(el('div', 'note', '   … and ' + (g.size - g.lanes.length)
                    + ' more threads from here, counted in the band above'));
                  lanesBox.appendChild(box);
                });
                T.regions.forEach(function (r) { [r.start, r.end].forEach(function (t) {
                  var b = el('div', 'boundary'); b.style.left = 'calc(var(--label) + (100% - var(--label)) * ' + (t / total) + ')'; tl.appendChild(b); }); });
              }

              function lane(l) {
                var row = el('div', 'lane'); row.dataset.thread = l.name; row.dataset.id = l.id;
                var name = el('div', 'name', (l.virtual ? '⋄ ' : '') + l.name); name.title = (l.virtual ? 'virtual thread ' : 'thread ') + l.name
                  + (str(l.created) ? '\\nstarted at\\n' + str(l.created) : '');
                var track = el('div', 'track'), seen = {};
                l.spans.forEach(function (s) {
                  var state = STATES[s[2]]; seen[state] = 1;
                  var d = el('i', 'span s-' + state); d.dataset.state = state; place(d, s[0], s[1]);
                  d.dataset.tip = state.toLowerCase() + (str(s[3]) ? ' on ' + str(s[3]) : '') + ' for ' + ms(s[1] - s[0])
                    + ' (from ' + ms(s[0]) + ')' + (str(s[4]) ? '\\n' + str(s[4]) : '');
                  track.appendChild(d);
                });
                row.dataset.states = Object.keys(seen).join(' ');
                if (l.mark) {
                  row.dataset.mark = l.mark;
                  var kind = /^busy/.test(l.mark) ? 'busy' : /^deadlocked/.test(l.mark) ? 'deadlocked' : 'leaked';
                  name.appendChild(el('span', 'badge ' + kind, l.mark.replace(/:.*/, '') + (kind === 'busy' ? ' ' + l.mark.replace(/^[^:]*: /, '') : '')));
                  name.title += '\\n' + l.mark;
                  if (kind === 'leaked') {
                    var test = T.regions.filter(function (r) { return l.mark.indexOf(r.name) >= 0; })[0];
                    if (test && l.end > test.end) { var p = el('div', 'past'); place(p, test.end, l.end); p.title = 'alive after ' + test.name;
                      p.dataset.after = test.name; track.appendChild(p); }
                  }
                }
                row.appendChild(name); row.appendChild(track);
                return row;
              }

              function drawBand(cv, g) {
                var w = cv.width = 1200, h = cv.height = 52, n = g.slices;
                var ctx = cv.getContext('2d');
                for (var i = 0; i < n; i++) {
                  var y = h;
                  for (var s = 0; s < STATES.length; s++) {
                    var c = g.profile[s][i]; if (!c) continue;
                    var bh = h * c / g.size; ctx.fillStyle = COLOURS[STATES[s]];
                    ctx.fillRect(Math.floor(i * w / n), y - bh, Math.ceil(w / n), bh); y -= bh;
                  }
                }
                cv.title = 'each slice: how many of the ' + g.size + ' threads were in each state';
              }

              tl.addEventListener('mousemove', function (e) {
                var t = e.target.dataset && e.target.dataset.tip;
                if (!t) { tip.style.display = 'none'; return; }
                tip.textContent = t; tip.style.display = 'block';
                tip.style.left = Math.min(e.clientX + 12, window.innerWidth - tip.offsetWidth - 8) + 'px';
                tip.style.top = (e.clientY + 14) + 'px';
              });
              tl.addEventListener('mouseleave', function () { tip.style.display = 'none'; });

              // ---------------------------------------------------------------- wait-for graph
              var dead = ((R && R.findings) || []).filter(function (f) { return f.verdict === 'DEADLOCK'; })[0];
              var waiting = dead ? dead.threads : ((T && T.atEnd) || []).filter(function (t) { return t.waitingOn && t.state !== 'RUNNABLE'; });
              if (waiting && waiting.length) waitFor(waiting, !!dead);

              function waitFor(threads, isDeadlock) {
                var box = document.getElementById('graph');
                box.appendChild(el('h2', null, isDeadlock ? 'Wait-for graph of the deadlock' : 'Threads waiting when the run ended'));
                var nodes = [], byKey = {}, edges = [];
                function node(key, label, kind) { if (!byKey[key]) { byKey[key] = {key: key, label: label, kind: kind}; nodes.push(byKey[key]); } return byKey[key]; }
                threads.forEach(function (t) {
                  var tn = node('t:' + t.name, t.name + (t.virtual ? ' (virtual)' : ''), 'thread');
                  if (!t.waitingOn) return;
                  var on = t.waitingOn.replace(/^java\\.util\\.concurrent\\.(locks\\.)?/, '');
                  var rn = node('r:' + t.waitingOn, on, 'resource');
                  edges.push({from: tn, to: rn, label: 'waits for'});
                  if (t.heldBy) edges.push({from: rn, to: node('t:' + t.heldBy, t.heldBy, 'thread'), label: 'held by'});
                });
                // the cycle: follow thread -> resource -> holder until a node repeats
                var next = {}; edges.forEach(function (e) { next[e.from.key] = e.to; });
                var cycle = [];
                nodes.forEach(function (n) { if (cycle.length || n.kind !== 'thread') return;
                  var path = [], at = n;
                  while (at && path.indexOf(at) < 0) { path.push(at); at = next[at.key]; }
                  if (at) cycle = path.slice(path.indexOf(at)); });
                var inCycle = {}; cycle.forEach(function (n) { inCycle[n.key] = 1; });
                var W = 760, rad = Math.max(110, nodes.length * 22), H = 2 * rad + 80, cx = W / 2, cy = H / 2;
                var s = svg('svg', {id: 'waitfor', viewBox: '0 0 ' + W + ' ' + H, width: W, height: H, role: 'img'});
                s.dataset.cycle = cycle.filter(function (n) { return n.kind === 'thread'; }).map(function (n) { return n.label.replace(/ \\(virtual\\)$/, ''); }).join(' -> ');
                s.appendChild(svg('defs', {})).innerHTML = '<marker id="arr" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0L10,5L0,10z" fill="#556"/></marker>';
                nodes.forEach(function (n, i) { var a = 2 * Math.PI * i / nodes.length - Math.PI / 2;
                  n.x = cx + Math.cos(a) * (W / 2 - 140); n.y = cy + Math.sin(a) * rad; });
                edges.forEach(function (e) {
                  var c = inCycle[e.from.key] && inCycle[e.to.key] && next[e.from.key] === e.to;
                  var dx = e.to.x - e.from.x, dy = e.to.y - e.from.y, len = Math.sqrt(dx * dx + dy * dy) || 1, cut = 26;
                  var line = svg('path', {'class': 'edge' + (c ? ' cycle' : ''), 'marker-end': 'url(#arr)',
                    d: 'M' + (e.from.x + dx * cut / len) + ',' + (e.from.y + dy * cut / len) + 'L' + (e.to.x - dx * cut / len) + ',' + (e.to.y - dy * cut / len)});
                  line.dataset.from = e.from.label; line.dataset.to = e.to.label; s.appendChild(line);
                  var t = svg('text', {x: (e.from.x + e.to.x) / 2 + 4, y: (e.from.y + e.to.y) / 2 - 4, fill: '#667'}); t.textContent = e.label; s.appendChild(t);
                });
                nodes.forEach(function (n) {
                  var g = svg('g', {'class': 'node ' + n.kind + (inCycle[n.key] ? ' cycle' : '')}); g.dataset.name = n.label;
                  var label = n.label.length > 34 ? n.label.substring(0, 33) + '…' : n.label, w = 12 + label.length * 7;
                  g.appendChild(svg('rect', {x: n.x - w / 2, y: n.y - 14, width: w, height: 28, rx: n.kind === 'thread' ? 14 : 3}));
                  var t = svg('text', {x: n.x, y: n.y + 4, 'text-anchor': 'middle'}); t.textContent = label; g.appendChild(t);
                  var ti = svg('title', {}); ti.textContent = n.label; g.appendChild(ti);
                  s.appendChild(g);
                });
                box.appendChild(s);
                box.appendChild(el('p', 'note', cycle.length ? 'The cycle, in red: ' + s.dataset.cycle + ' -> ' + s.dataset.cycle.split(' -> ')[0]
                  + '. Each thread holds what the next one waits for; none can move.'
                  : 'No lock cycle: every thread waits for something nobody will give (a signal, countDown, close or send).'));
              }

              // ---------------------------------------------------------------- speedup
              if (R && R.speedup && R.speedup.baselineMillis && R.speedup.baselineMillis.length) speedup(R.speedup);
              function median(a) { var b = a.slice().sort(function (x, y) { return x - y; }), m = b.length >> 1;
                return b.length % 2 ? b[m] : (b[m - 1] + b[m]) / 2; }
              function speedup(sp) {
                var box = document.getElementById('speedup');
                box.appendChild(el('h2', null, 'Speedup: ' + sp.ratio.toFixed(2) + '× (target ' + sp.target + '×)'));
                var b = sp.baselineMillis, l = sp.submissionMillis, n = Math.max(b.length, l.length);
                var mb = median(b), ml = median(l), goal = mb / sp.target;
                var max = Math.max.apply(null, b.concat(l).concat([goal])) * 1.1;
                var W = 640, H = 260, L = 60, B = 30, top = 10;
                var x = function (i) { return L + 20 + i * (W - L - 40) / Math.max(1, 2 * n - 1); };
                var y = function (v) { return top + (H - top - B) * (1 - v / max); };
                var s = svg('svg', {id: 'speedup-chart', viewBox: '0 0 ' + W + ' ' + H, width: W, height: H, role: 'img'});
                s.appendChild(svg('line', {x1: L, y1: y(0), x2: W, y2: y(0), stroke: '#889'}));
                for (var k = 0; k <= 4; k++) { var v = max * k / 4, t = svg('text', {x: L - 6, y: y(v) + 4, 'text-anchor': 'end', fill: '#667'});
                  t.textContent = v.toFixed(0) + ' ms'; s.appendChild(t); s.appendChild(svg('line', {x1: L, y1: y(v), x2: W, y2: y(v), stroke: '#eef'})); }
                function hline(v, colour, dash, label, cls) { s.appendChild(svg('line', {'class': cls, x1: L, y1: y(v), x2: W, y2: y(v), stroke: colour, 'stroke-dasharray': dash, 'stroke-width': 2}));
                  var t = svg('text', {x: W - 4, y: y(v) - 4, 'text-anchor': 'end', fill: colour}); t.textContent = label; s.appendChild(t); }
                hline(mb, '#0072B2', '6 4', 'baseline median ' + mb.toFixed(1) + ' ms', 'median baseline');
                hline(ml, '#D55E00', '6 4', 'your median ' + ml.toFixed(1) + ' ms', 'median learner');
                hline(goal, '#009E73', '2 3', 'target: ' + goal.toFixed(1) + ' ms (' + sp.target + '× faster)', 'target');
                for (var i = 0; i < n; i++) {
                  if (i < b.length) { var c = svg('circle', {'class': 'pt baseline', cx: x(2 * i), cy: y(b[i]), r: 5, fill: '#0072B2'});
                    c.appendChild(svg('title', {})).textContent = 'baseline run ' + (i + 1) + ': ' + b[i].toFixed(1) + ' ms'; s.appendChild(c); }
                  if (i < l.length) { var r = svg('rect', {'class': 'pt learner', x: x(2 * i + 1) - 5, y: y(l[i]) - 5, width: 10, height: 10, fill: '#D55E00'});
                    r.appendChild(svg('title', {})).textContent = 'your run ' + (i + 1) + ': ' + l[i].toFixed(1) + ' ms'; s.appendChild(r); }
                }
                var t = svg('text', {x: L + 4, y: H - 8, fill: '#667'}); t.textContent = 'runs in the order they ran: ● baseline  ■ yours (interleaved)'; s.appendChild(t);
                box.appendChild(s);
              }

              // ---------------------------------------------------------------- tests and sources
              if (R && R.tests && R.tests.length) {
                var tb = document.getElementById('tests'); tb.appendChild(el('h2', null, 'Hidden tests'));
                var table = el('table', 'tests');
                R.tests.forEach(function (t) { var tr = el('tr'); tr.appendChild(el('td', null, t.status === 'PASSED' ? '✓' : '✗'));
                  tr.appendChild(el('td', null, t.name)); tr.appendChild(el('td', null, t.status)); tr.appendChild(el('td', null, t.millis + ' ms'));
                  table.appendChild(tr); });
                tb.appendChild(table);
              }
              if (D.sources && D.sources.length) {
                var sb = document.getElementById('sources'); sb.appendChild(el('h2', null, 'Your code, where this page points'));
                D.sources.forEach(function (p) {
                  var box = el('div', 'src'); box.id = 'src-' + p.key; box.dataset.place = p.key;
                  box.appendChild(el('div', 'file', p.path + ':' + p.line));
                  var pre = el('pre');
                  p.lines.forEach(function (text, i) { var no = p.first + i, line = el('div', no === p.line ? 'hit' : null);
                    line.appendChild(el('span', 'no', String(no))); line.appendChild(document.createTextNode(text)); pre.appendChild(line); });
                  box.appendChild(pre); sb.appendChild(box);
                });
                // the learner's frames in the findings point to their lines
                document.querySelectorAll('.finding li.frame').forEach(function (li) {
                  var key = placeKey(li.textContent); if (key && places[key]) { var a = el('a', 'frame', li.textContent);
                    a.href = '#src-' + key; li.textContent = ''; li.appendChild(a); } });
              }
              document.body.dataset.renderMs = Math.round(performance.now());
              document.body.dataset.ready = 'yes';
            })();
            </script>
            </body>
            </html>
            """;
}
