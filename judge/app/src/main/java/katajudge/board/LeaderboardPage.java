package katajudge.board;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The leaderboard as one self-contained HTML page (no network at view
 * time): learners by days, cells coloured by verdict with the best score,
 * streaks, sortable by any column (click a header; {@code #sort=total} in the
 * address sorts on load). The data is embedded as JSON and rendered with
 * {@code textContent}, so a learner's name cannot inject markup.
 */
public final class LeaderboardPage {

    private LeaderboardPage() {}

    public static String render(Leaderboard board) throws JsonProcessingException {
        // '<' only occurs inside JSON strings, where \u003c means the same: no markup can start in the data.
        String data = new ObjectMapper().writeValueAsString(board).replace("<", "\\u003c");
        return TEMPLATE.replace("/*DATA*/", data);
    }

    private static final String TEMPLATE = """
            <!doctype html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <title>Concurrency katas · leaderboard</title>
            <style>
              body { font: 14px/1.4 system-ui, sans-serif; margin: 24px; color: #1d2330; }
              h1 { font-size: 20px; margin: 0 0 4px; }
              .meta { color: #667; margin-bottom: 16px; }
              table { border-collapse: collapse; }
              th, td { border: 1px solid #d8dce6; padding: 4px 8px; text-align: center; }
              th { background: #f2f4f8; cursor: pointer; user-select: none; white-space: nowrap; }
              th.sorted::after { content: " \\25BE"; }
              td.learner { text-align: left; font-weight: 600; }
              td.num { text-align: right; font-variant-numeric: tabular-nums; }
              td.cell { min-width: 44px; font-size: 12px; }
              .ACCEPTED { background: #b8e6bf; }
              .SLOW, .BUSY_WAIT, .THREAD_LEAK, .TOO_MANY_THREADS { background: #ffe5a3; }
              .WRONG_ANSWER, .RUNTIME_ERROR, .TIME_LIMIT, .MEMORY_LIMIT, .DEADLOCK, .FORBIDDEN_API { background: #f7b9b3; }
              .NOT_IMPLEMENTED, .BUILD_FAILED, .JUDGE_ERROR { background: #e3e5ea; }
              .legend span { display: inline-block; padding: 1px 6px; margin-right: 6px; border-radius: 3px; }
              .problems { color: #a33; margin-top: 16px; }
            </style>
            </head>
            <body>
            <h1>Concurrency katas · leaderboard</h1>
            <div class="meta" id="meta"></div>
            <div class="legend"><span class="ACCEPTED">accepted</span><span class="SLOW">slow / hygiene</span><span class="WRONG_ANSWER">wrong / crashed / deadlock</span><span class="NOT_IMPLEMENTED">not started</span></div>
            <p></p>
            <table id="board"><thead><tr id="head"></tr></thead><tbody id="rows"></tbody></table>
            <div class="problems" id="problems"></div>
            <script type="application/json" id="data">/*DATA*/</script>
            <script>
            (function () {
              var board = JSON.parse(document.getElementById('data').textContent);
              var cols = [
                {key: 'rank', label: '#', value: function (r) { return r.rank; }, asc: true},
                {key: 'learner', label: 'Learner', value: function (r) { return r.learner.toLowerCase(); }, asc: true},
                {key: 'total', label: 'Score', value: function (r) { return r.total; }},
                {key: 'solved', label: 'Solved', value: function (r) { return r.solved; }},
                {key: 'streak', label: 'Streak', value: function (r) { return r.streak; }}
              ];
              board.days.forEach(function (d) {
                cols.push({key: 'day' + d.day, label: 'D' + d.day, title: d.title, day: d.day,
                  value: function (r) { var c = cell(r, d.day); return c ? c.bestScore : -1; }});
              });
              function cell(row, day) {
                for (var i = 0; i < row.days.length; i++) if (row.days[i].day === day) return row.days[i];
                return null;
              }
              var meta = board.rows.length + ' learner' + (board.rows.length === 1 ? '' : 's') + ' · ' +
                board.days.length + ' day' + (board.days.length === 1 ? '' : 's') + ' · generated ' + board.generatedAt +
                (board.verified ? ' · signatures verified' : ' · signatures not checked');
              if (board.excluded.length) meta += ' · ' + board.excluded.length + ' result(s) left out (unsigned or altered)';
              document.getElementById('meta').textContent = meta;
              var head = document.getElementById('head');
              cols.forEach(function (c) {
                var th = document.createElement('th');
                th.textContent = c.label;
                if (c.title) th.title = c.title;
                th.dataset.key = c.key;
                th.addEventListener('click', function () { sortBy(c.key); });
                head.appendChild(th);
              });
              function render(rows) {
                var body = document.getElementById('rows');
                body.textContent = '';
                rows.forEach(function (r) {
                  var tr = document.createElement('tr');
                  tr.dataset.learner = r.learner;
                  add(tr, r.rank, 'num');
                  add(tr, r.learner, 'learner');
                  add(tr, r.total, 'num');
                  add(tr, r.solved, 'num');
                  add(tr, r.streak + (r.longestStreak > r.streak ? ' (best ' + r.longestStreak + ')' : ''), 'num');
                  board.days.forEach(function (d) {
                    var c = cell(r, d.day);
                    var td = add(tr, c ? c.bestScore : '', 'cell ' + (c ? c.verdict : ''));
                    if (c) td.title = c.verdict + ' · ' + c.attempts + ' attempt(s)' +
                      (c.firstAcceptedAt ? ' · first accepted ' + c.firstAcceptedAt : '');
                  });
                  body.appendChild(tr);
                });
              }
              function add(tr, text, cls) {
                var td = document.createElement('td');
                td.textContent = text;
                td.className = cls;
                tr.appendChild(td);
                return td;
              }
              function sortBy(key) {
                var col = cols.filter(function (c) { return c.key === key; })[0];
                if (!col) return;
                var rows = board.rows.slice().sort(function (a, b) {
                  var x = col.value(a), y = col.value(b);
                  var order = x < y ? -1 : x > y ? 1 : 0;
                  return col.asc ? order : -order;
                });
                Array.prototype.forEach.call(head.children, function (th) {
                  th.classList.toggle('sorted', th.dataset.key === key);
                });
                document.body.dataset.sortedBy = key;
                render(rows);
              }
              var m = /sort=([\\w]+)/.exec(location.hash);
              sortBy(m ? m[1] : 'rank');
              if (!board.rows.length) document.getElementById('problems').textContent = 'No results yet.';
              if (board.problems.length) {
                var p = document.getElementById('problems');
                p.textContent = 'Could not read: ' + board.problems.map(function (x) { return x.source + ' (' + x.message + ')'; }).join('; ');
              }
            })();
            </script>
            </body>
            </html>
            """;
}
