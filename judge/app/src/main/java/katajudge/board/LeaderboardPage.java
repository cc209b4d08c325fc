package katajudge.board;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The study group's board as one self-contained HTML page (no network at
 * view time), for a group that checks it every morning: all 30 days always,
 * the learner column fixed while the days scroll, a progress bar "x/30
 * solved" per learner, each cell a symbol as well as a colour (a
 * colour-blind safe palette), the first learner to solve each day starred,
 * recent activity, a legend built from the very classes and symbols the
 * cells use, and readable times. Sortable by any column (click a header;
 * {@code #sort=total} in the address sorts on load). The data is embedded as
 * JSON and rendered with {@code textContent}, so a learner's name cannot
 * inject markup.
 */
public final class LeaderboardPage {

    /** The course's length: a column per day whether anyone reached it or not. */
    public static final int DAYS = 30;

    private LeaderboardPage() {}

    public static String render(Leaderboard board) throws JsonProcessingException {
        // '<' only occurs inside JSON strings, where \u003c means the same: no markup can start in the data.
        String data = new ObjectMapper().writeValueAsString(board).replace("<", "\\u003c");
        return TEMPLATE.replace("/*DAYS*/", String.valueOf(DAYS)).replace("/*DATA*/", data);
    }

    private static final String TEMPLATE = """
            <!doctype html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>Concurrency katas · leaderboard</title>
            <style>
              * { box-sizing: border-box; }
              body { font: 14px/1.4 system-ui, sans-serif; margin: 16px; color: #1d2330; }
              h1 { font-size: 20px; margin: 0 0 4px; }
              .meta { color: #5a6272; margin-bottom: 10px; }
              .legend { display: flex; flex-wrap: wrap; gap: 4px 12px; margin: 8px 0; font-size: 12px; }
              .legend span { display: inline-flex; align-items: center; gap: 4px; white-space: nowrap; }
              .legend .cell { display: inline-block; width: 22px; height: 20px; line-height: 20px; text-align: center; border: 1px solid #c9ced9; }
              #recent { font-size: 13px; margin: 6px 0 10px; color: #333a48; }
              #recent b { font-weight: 600; }
              .wrap { overflow-x: auto; max-width: 100%; border: 1px solid #d8dce6; }
              table { border-collapse: separate; border-spacing: 0; }
              th, td { border-right: 1px solid #e3e6ee; border-bottom: 1px solid #e3e6ee; padding: 3px 4px; text-align: center;
                       white-space: nowrap; background: #fff; }
              th { background: #f2f4f8; cursor: pointer; user-select: none; font-size: 12px; position: sticky; top: 0; z-index: 2; }
              th.sorted::after { content: " \\25BE"; }
              .fixed { position: sticky; z-index: 1; }
              th.fixed { z-index: 3; }
              .c-rank { left: 0; width: 30px; min-width: 30px; }
              .c-learner { left: 30px; width: 168px; min-width: 168px; max-width: 168px; text-align: left;
                           box-shadow: 2px 0 0 #c9ced9; }
              td.c-learner .name { font-weight: 600; overflow: hidden; text-overflow: ellipsis; display: block; }
              .bar { height: 6px; background: #e3e6ee; border-radius: 3px; margin-top: 2px; }
              .bar i { display: block; height: 6px; background: #009E73; border-radius: 3px; }
              .progress { font-size: 11px; color: #5a6272; }
              td.num { text-align: right; font-variant-numeric: tabular-nums; }
              td.streak { font-size: 12px; }
              td.cell, th.day { width: 30px; min-width: 30px; max-width: 30px; padding: 3px 0; font-size: 13px; }
              td.cell { font-weight: 600; position: relative; }
              td.cell.first::after { content: "\\2605"; position: absolute; top: -1px; right: 1px; font-size: 9px; color: #5b3b00; }
              /* Okabe-Ito based, light fills; every verdict also has its own symbol */
              .ACCEPTED { background: #bfe8d8; color: #00513b; }
              .SLOW, .BUSY_WAIT, .THREAD_LEAK, .TOO_MANY_THREADS { background: #fbe0a6; color: #5b3b00; }
              .WRONG_ANSWER, .RUNTIME_ERROR, .TIME_LIMIT, .MEMORY_LIMIT, .DEADLOCK, .FORBIDDEN_API { background: #f6c3a8; color: #6e2300; }
              .NOT_IMPLEMENTED, .BUILD_FAILED, .JUDGE_ERROR { background: #dde3f0; color: #2b3550; }
              .none { background: #fff; color: #b9bfcc; }
              .problems { color: #a33; margin-top: 12px; }
              @media (max-width: 600px) {
                body { margin: 8px; }
                .c-learner { width: 120px; min-width: 120px; max-width: 120px; }
                .hide-small { display: none; }
              }
            </style>
            </head>
            <body>
            <h1>Concurrency katas · leaderboard</h1>
            <div class="meta" id="meta"></div>
            <div id="recent"></div>
            <div class="legend" id="legend"></div>
            <div class="wrap" id="wrap"><table id="board"><thead><tr id="head"></tr></thead><tbody id="rows"></tbody></table></div>
            <div class="problems" id="problems"></div>
            <script type="application/json" id="data">/*DATA*/</script>
            <script>
            (function () {
              var board = JSON.parse(document.getElementById('data').textContent);
              var DAYS = /*DAYS*/;
              // verdict -> symbol and words; the legend and the cells both read this one table
              var KINDS = [
                {v: ['ACCEPTED'], sym: '\\u2713', words: 'accepted'},
                {v: ['SLOW'], sym: 'S', words: 'too slow'},
                {v: ['BUSY_WAIT'], sym: 'W', words: 'busy-waits'},
                {v: ['THREAD_LEAK'], sym: 'L', words: 'leaks threads'},
                {v: ['TOO_MANY_THREADS'], sym: 'N', words: 'too many threads'},
                {v: ['WRONG_ANSWER'], sym: '\\u2717', words: 'wrong answer'},
                {v: ['DEADLOCK'], sym: 'D', words: 'deadlock'},
                {v: ['TIME_LIMIT'], sym: 'T', words: 'time limit'},
                {v: ['RUNTIME_ERROR', 'MEMORY_LIMIT', 'FORBIDDEN_API'], sym: '!', words: 'crashed / memory / forbidden API'},
                {v: ['NOT_IMPLEMENTED', 'BUILD_FAILED', 'JUDGE_ERROR'], sym: '\\u2026', words: 'started, not running yet'},
                {v: ['none'], sym: '\\u00B7', words: 'not started'}
              ];
              var KIND = {}; KINDS.forEach(function (k) { k.v.forEach(function (v) { KIND[v] = k; }); });
              function kindOf(verdict) { return KIND[verdict] || KIND.JUDGE_ERROR; }
              function el(tag, cls, text) { var e = document.createElement(tag); if (cls) e.className = cls;
                if (text != null) e.textContent = text; return e; }
              var MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
              function when(iso) { // 2026-11-19T10:00:00.123456789Z -> 19 Nov 10:00 UTC
                var m = /^(\\d{4})-(\\d\\d)-(\\d\\d)T(\\d\\d):(\\d\\d)/.exec(iso || ''); if (!m) return iso || '';
                return (+m[3]) + ' ' + MONTHS[+m[2] - 1] + ' ' + m[4] + ':' + m[5] + ' UTC'; }
              function ago(iso) { var t = Date.parse(iso), now = Date.parse(board.generatedAt); if (isNaN(t) || isNaN(now)) return when(iso);
                var h = (now - t) / 3600000; return h < 1 ? 'just now' : h < 24 ? Math.floor(h) + ' h ago' : Math.floor(h / 24) + ' d ago'; }
              var titles = {}; board.days.forEach(function (d) { titles[d.day] = d.title; });
              function cell(row, day) { for (var i = 0; i < row.days.length; i++) if (row.days[i].day === day) return row.days[i]; return null; }

              // the first learner to solve each day
              var first = {};
              board.rows.forEach(function (r) { r.days.forEach(function (c) {
                if (c.firstAcceptedAt && (!first[c.day] || c.firstAcceptedAt < first[c.day].at)) first[c.day] = {at: c.firstAcceptedAt, who: r.learner}; }); });

              document.getElementById('meta').textContent = board.rows.length + ' learner' + (board.rows.length === 1 ? '' : 's')
                + ' · ' + board.days.length + ' day' + (board.days.length === 1 ? '' : 's') + ' judged of ' + DAYS
                + ' · updated ' + when(board.generatedAt)
                + (board.verified ? ' · signatures verified' : ' · signatures not checked')
                + (board.excluded.length ? ' · ' + board.excluded.length + ' result(s) left out (unsigned or altered)' : '');

              // recent activity: the latest accepted days of the whole group
              var accepted = [];
              board.rows.forEach(function (r) { r.days.forEach(function (c) { if (c.firstAcceptedAt) accepted.push({who: r.learner, day: c.day, at: c.firstAcceptedAt}); }); });
              accepted.sort(function (a, b) { return a.at < b.at ? 1 : a.at > b.at ? -1 : 0; });
              var recent = document.getElementById('recent');
              if (accepted.length) {
                recent.appendChild(el('b', null, 'Recently solved: '));
                accepted.slice(0, 6).forEach(function (a, i) {
                  var s = el('span', 'event', (i ? ' · ' : '') + a.who + ' day ' + a.day + ' (' + ago(a.at) + ')');
                  s.title = when(a.at); recent.appendChild(s); });
              }

              var legend = document.getElementById('legend');
              KINDS.forEach(function (k) { var s = el('span'); var c = el('span', 'cell ' + k.v[0], k.sym); s.appendChild(c);
                s.appendChild(document.createTextNode(k.words)); legend.appendChild(s); });
              var star = el('span'); var sc = el('span', 'cell ACCEPTED first', KIND.ACCEPTED.sym); sc.style.position = 'relative';
              star.appendChild(sc); star.appendChild(document.createTextNode('\\u2605 first to solve the day')); legend.appendChild(star);

              var cols = [
                {key: 'rank', label: '#', cls: 'fixed c-rank', value: function (r) { return r.rank; }, asc: true},
                {key: 'learner', label: 'Learner', cls: 'fixed c-learner', value: function (r) { return r.learner.toLowerCase(); }, asc: true},
                {key: 'total', label: 'Score', value: function (r) { return r.total; }},
                {key: 'streak', label: 'Streak', value: function (r) { return r.streak; }}
              ];
              for (var d = 1; d <= DAYS; d++) (function (day) {
                cols.push({key: 'day' + day, label: String(day), cls: 'day', title: 'Day ' + day + (titles[day] ? ': ' + titles[day] : ''),
                  value: function (r) { var c = cell(r, day); return c ? c.bestScore : -1; }});
              })(d);
              var head = document.getElementById('head');
              cols.forEach(function (c) {
                var th = el('th', c.cls || null, c.label);
                if (c.title) th.title = c.title;
                th.dataset.key = c.key;
                th.addEventListener('click', function () { sortBy(c.key); });
                head.appendChild(th);
              });
              function render(rows) {
                var body = document.getElementById('rows');
                body.textContent = '';
                rows.forEach(function (r) {
                  var tr = el('tr'); tr.dataset.learner = r.learner;
                  tr.appendChild(el('td', 'num fixed c-rank', r.rank));
                  var who = el('td', 'fixed c-learner'); who.title = r.learner; who.appendChild(el('span', 'name', r.learner));
                  var bar = el('div', 'bar'); var fill = el('i'); fill.style.width = (100 * r.solved / DAYS) + '%'; bar.appendChild(fill);
                  bar.setAttribute('role', 'progressbar'); bar.setAttribute('aria-valuenow', r.solved); bar.setAttribute('aria-valuemax', DAYS);
                  who.appendChild(bar); who.appendChild(el('span', 'progress', r.solved + '/' + DAYS + ' solved'));
                  tr.appendChild(who);
                  tr.appendChild(el('td', 'num', Math.round(r.total)));
                  var st = el('td', 'num streak', r.streak + ' d'); st.title = 'days in a row with a new accepted kata; best ' + r.longestStreak;
                  tr.appendChild(st);
                  for (var day = 1; day <= DAYS; day++) {
                    var c = cell(r, day), verdict = c ? c.verdict : 'none', k = kindOf(verdict);
                    var isFirst = first[day] && first[day].who === r.learner;
                    var td = el('td', 'cell ' + verdict + (isFirst ? ' first' : ''), k.sym);
                    td.title = 'Day ' + day + (titles[day] ? ' · ' + titles[day] : '') + '\\n' + (c ? k.words + ' · best ' + Math.round(c.bestScore)
                      + ' · ' + c.attempts + ' attempt' + (c.attempts === 1 ? '' : 's')
                      + (c.firstAcceptedAt ? ' · solved ' + when(c.firstAcceptedAt) : '') + (isFirst ? ' · first to solve it' : '') : 'not started');
                    tr.appendChild(td);
                  }
                  body.appendChild(tr);
                });
              }
              function sortBy(key) {
                var col = cols.filter(function (c) { return c.key === key; })[0];
                if (!col) return;
                var rows = board.rows.slice().sort(function (a, b) {
                  var x = col.value(a), y = col.value(b);
                  var order = x < y ? -1 : x > y ? 1 : 0;
                  return col.asc ? order : -order;
                });
                Array.prototype.forEach.call(head.children, function (th) { th.classList.toggle('sorted', th.dataset.key === key); });
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
              // What a person sees, for the page's own tests: does the table fit, and does the learner column stay put?
              var wrap = document.getElementById('wrap');
              document.body.dataset.fits = wrap.scrollWidth <= wrap.clientWidth ? 'yes' : 'no';
              var firstLearner = document.querySelector('td.c-learner');
              if (firstLearner) {
                var before = firstLearner.getBoundingClientRect().left;
                wrap.scrollLeft = wrap.scrollWidth;
                document.body.dataset.learnerShift = Math.round(firstLearner.getBoundingClientRect().left - before);
                document.body.dataset.scrolled = wrap.scrollLeft;
                wrap.scrollLeft = 0;
                document.body.dataset.rowHeight = Math.round(firstLearner.parentNode.getBoundingClientRect().height);
              }
            })();
            </script>
            </body>
            </html>
            """;
}
