/// The style sheet and the script of `specgraph report`: plain CSS and a
/// little vanilla JavaScript, no library, nothing fetched.
///
/// The script reads the JSON blob `#report-data` (see ``ReportHTML``) and
/// gives every `.viewport` pan and zoom (by changing the SVG's `viewBox`),
/// the search box its matches (`g.node.task.match`, others dimmed), and
/// every task (`g.node.task` in the graph, `.task-link` buttons) a click
/// that marks its predecessors (`.pred`) and successors (`.succ`), through
/// milestones, and shows its `why` chain in the feature's `.selection` panel.
enum ReportScript {
    static let css = """
        :root { --ink: #1f2933; --muted: #52606d; --line: #d9e2ec; --accent: #1f6feb; --pred: #b7791f; --succ: #2f855a; }
        * { box-sizing: border-box; }
        body { margin: 0; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", "Noto Sans", "Noto Sans CJK SC", "Hiragino Sans", "Microsoft YaHei", sans-serif; color: var(--ink); background: #f8fafc; }
        header { position: sticky; top: 0; z-index: 2; display: flex; gap: 24px; align-items: center; padding: 10px 24px; background: #fff; border-bottom: 1px solid var(--line); }
        h1 { font-size: 18px; margin: 0; }
        h2 { font-size: 17px; margin: 0 0 8px; } h2 small { color: var(--muted); font-weight: normal; font-size: 12px; }
        h3 { font-size: 14px; margin: 16px 0 6px; }
        main { padding: 16px 24px 48px; }
        section { background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: 14px 18px; margin-bottom: 18px; }
        table { border-collapse: collapse; font-variant-numeric: tabular-nums; }
        th, td { padding: 3px 10px; border-bottom: 1px solid var(--line); text-align: right; white-space: nowrap; }
        th[scope=row], thead th:first-child { text-align: left; max-width: 420px; overflow: hidden; text-overflow: ellipsis; }
        tr.phase-row th { font-weight: normal; padding-left: 26px; color: var(--muted); }
        #search { width: 260px; padding: 4px 8px; font: inherit; }
        #search-results { list-style: none; margin: 0 0 12px; padding: 8px 12px; background: #fff; border: 1px solid var(--line); border-radius: 6px; max-height: 220px; overflow: auto; }
        #search-results li { margin: 2px 0; }
        .task-link { font: inherit; font-weight: 600; color: var(--accent); background: none; border: 0; padding: 0; cursor: pointer; }
        ol.chain { display: flex; flex-wrap: wrap; gap: 4px 0; padding: 0; list-style: none; }
        ol.chain li:not(:last-child)::after { content: "→"; margin: 0 6px; color: var(--muted); }
        figure.picture { position: relative; margin: 8px 0; border: 1px solid var(--line); border-radius: 6px; background: #fff; }
        .viewport { height: 560px; overflow: hidden; cursor: grab; touch-action: none; }
        figure.phases .viewport, figure.gantt .viewport { height: 360px; }
        .viewport.dragging { cursor: grabbing; }
        .viewport svg { width: 100%; height: 100%; display: block; user-select: none; }
        .zoom { position: absolute; right: 8px; top: 8px; display: flex; gap: 4px; z-index: 1; }
        .zoom button { min-width: 30px; padding: 2px 6px; font: inherit; background: #fff; border: 1px solid var(--line); border-radius: 4px; cursor: pointer; }
        g.node.task { cursor: pointer; }
        .searching g.node.task:not(.match), .selecting g.node:not(.selected):not(.pred):not(.succ), .selecting g.edge:not(.on-path) { opacity: 0.25; }
        g.node.match path, g.node.match polygon { stroke: var(--accent); stroke-width: 3; }
        g.node.selected path, g.node.selected polygon { stroke: #000; stroke-width: 3.5; }
        g.node.pred path, g.node.pred polygon { stroke: var(--pred); stroke-width: 3; }
        g.node.succ path, g.node.succ polygon { stroke: var(--succ); stroke-width: 3; }
        .graph-and-panel { display: flex; gap: 12px; align-items: stretch; }
        .graph-and-panel figure.picture { flex: 1 1 auto; min-width: 0; margin: 0; }
        .selection { flex: 0 0 320px; max-height: 560px; overflow: auto; border-left: 4px solid var(--accent); background: #f5f9ff; padding: 8px 12px; }
        .selection h4 { margin: 0 0 4px; font-size: 15px; }
        .selection p { margin: 4px 0; }
        @media (max-width: 900px) { .graph-and-panel { flex-direction: column; } .selection { flex-basis: auto; } }
        .selection .pred-list .task-link { color: var(--pred); } .selection .succ-list .task-link { color: var(--succ); }
        .selection ol { margin: 4px 0; padding-left: 22px; }
        details.diagnostics { margin: 4px 0; } details.diagnostics.error summary code { color: #c53030; }
        .where { color: var(--muted); margin-right: 6px; font-variant-numeric: tabular-nums; }
        .note, .hint { color: var(--muted); }

        """

    static let javaScript = """
        (function () {
          "use strict";
          var data = JSON.parse(document.getElementById("report-data").textContent);
          var sections = Array.prototype.slice.call(document.querySelectorAll("section.feature"));

          function escapeText(s) {
            return String(s).replace(/[&<>"']/g, function (c) {
              return { "&": "&amp;", "<": "&lt;", ">": "&gt;", "\\"": "&quot;", "'": "&#39;" }[c];
            });
          }
          function taskButton(id) {
            return '<button type="button" class="task-link" data-task="' + escapeText(id) + '">' + escapeText(id) + "</button>";
          }
          function graphOf(section) { return section.querySelector("figure.tasks svg"); }
          function nodesById(svg, id) {
            if (!svg) return [];
            return Array.prototype.filter.call(svg.querySelectorAll("g.node.task"), function (g) { return g.id === id; });
          }
          function hours(x) { return (Math.round(x * 100) / 100) + "h"; }

          // Pan and zoom, by changing the viewBox of each picture.
          Array.prototype.forEach.call(document.querySelectorAll("figure.picture"), function (figure) {
            var viewport = figure.querySelector(".viewport");
            var svg = viewport.querySelector("svg");
            if (!svg) return;
            var base = (svg.getAttribute("viewBox") || "").split(/[\\s,]+/).map(Number);
            if (base.length !== 4 || base.some(isNaN)) {
              var box = svg.getBBox();
              base = [box.x, box.y, box.width, box.height];
            }
            svg.setAttribute("preserveAspectRatio", "xMidYMin meet");
            var tall = false;
            // The view that shows the picture at most 1.5 times its size: whole,
            // or for a tall task graph at the width of the page, top first.
            function fit(whole) {
              var vw = viewport.clientWidth, vh = viewport.clientHeight;
              if (!(vw > 0 && vh > 0)) return base.slice();
              var byWidth = Math.min(vw / base[2], 1.5);
              var scale = Math.min(byWidth, vh / base[3]);
              if (!whole && tall) scale = byWidth;
              var w = vw / scale;
              return [base[0] + (base[2] - w) / 2, base[1], w, vh / scale];
            }
            if (viewport.clientWidth > 0) {
              var byWidth = Math.min(viewport.clientWidth / base[2], 1.5);
              if (figure.classList.contains("tasks")) {
                tall = base[3] * byWidth > viewport.clientHeight;
              } else {
                // A small picture gets a viewport of its own height.
                var needed = Math.ceil(base[3] * byWidth) + 8;
                if (needed < viewport.clientHeight) viewport.style.height = needed + "px";
              }
            }
            var view = fit(false);
            function apply() { svg.setAttribute("viewBox", view.join(" ")); }
            apply();
            function zoom(factor, fx, fy) {
              var w = view[2] * factor, h = view[3] * factor;
              if (factor > 1 && w > Math.max(base[2], viewport.clientWidth) * 4 || factor < 1 && w < base[2] / 40) return;
              view = [view[0] + (view[2] - w) * fx, view[1] + (view[3] - h) * fy, w, h];
              apply();
            }
            figure.addEventListener("click", function (e) {
              var b = e.target.closest("button[data-zoom]");
              if (!b) return;
              var kind = b.getAttribute("data-zoom");
              if (kind === "reset") { view = fit(true); apply(); } else { zoom(kind === "in" ? 0.8 : 1.25, 0.5, 0.5); }
            });
            viewport.addEventListener("wheel", function (e) {
              e.preventDefault();
              var r = viewport.getBoundingClientRect();
              zoom(e.deltaY < 0 ? 0.85 : 1 / 0.85, (e.clientX - r.left) / r.width, (e.clientY - r.top) / r.height);
            }, { passive: false });
            var drag = null;
            viewport.addEventListener("pointerdown", function (e) {
              drag = { x: e.clientX, y: e.clientY, view: view.slice(), moved: false };
            });
            viewport.addEventListener("pointermove", function (e) {
              if (!drag) return;
              var dx = e.clientX - drag.x, dy = e.clientY - drag.y;
              if (!drag.moved && Math.abs(dx) + Math.abs(dy) < 4) return;
              if (!drag.moved) {
                drag.moved = true;
                viewport.classList.add("dragging");
                try { viewport.setPointerCapture(e.pointerId); } catch (ignored) { /* a synthetic pointer */ }
              }
              var r = viewport.getBoundingClientRect();
              var scale = Math.max(view[2] / r.width, view[3] / r.height);
              view[0] = drag.view[0] - dx * scale;
              view[1] = drag.view[1] - dy * scale;
              apply();
            });
            // The click that ends a drag is not a selection.
            var dragged = false;
            viewport.addEventListener("click", function (ev) {
              if (dragged) { ev.stopPropagation(); dragged = false; }
            }, true);
            function endDrag() {
              if (drag && drag.moved) {
                viewport.classList.remove("dragging");
                dragged = true;
                setTimeout(function () { dragged = false; }, 0);
              }
              drag = null;
            }
            viewport.addEventListener("pointerup", endDrag);
            viewport.addEventListener("pointercancel", endDrag);
          });

          // Selection: predecessors and successors through milestones, and the why chain.
          function reach(feature, start, forward) {
            var out = {}, stack = [start], seen = {};
            seen[start] = true;
            var adjacency = forward ? feature.next : feature.prev;
            while (stack.length) {
              var v = stack.pop();
              (adjacency[v] || []).forEach(function (w) {
                if (seen[w]) return;
                seen[w] = true;
                out[feature.nodes[w]] = true;
                stack.push(w);
              });
            }
            return out;
          }
          data.features.forEach(function (f) {
            f.next = {}; f.prev = {};
            f.edges.forEach(function (e) {
              (f.next[e[0]] = f.next[e[0]] || []).push(e[1]);
              (f.prev[e[1]] = f.prev[e[1]] || []).push(e[0]);
            });
          });

          function clearSelection(section) {
            var svg = graphOf(section);
            if (!svg) return;
            svg.classList.remove("selecting");
            Array.prototype.forEach.call(svg.querySelectorAll(".selected, .pred, .succ, .on-path"), function (g) {
              g.classList.remove("selected", "pred", "succ", "on-path");
            });
          }

          function select(index, id, reveal) {
            var section = sections[index], feature = data.features[index];
            var task = feature && feature.tasks[id];
            if (!section || !task) return;
            clearSelection(section);
            var panel = section.querySelector(".selection");
            var preds = {}, succs = {};
            if (task.node >= 0) { preds = reach(feature, task.node, false); succs = reach(feature, task.node, true); }
            var svg = graphOf(section);
            if (svg) {
              svg.classList.add("selecting");
              nodesById(svg, id).forEach(function (g) { g.classList.add("selected"); });
              Array.prototype.forEach.call(svg.querySelectorAll("g.node"), function (g) {
                if (preds[g.id]) g.classList.add("pred");
                if (succs[g.id]) g.classList.add("succ");
              });
              Array.prototype.forEach.call(svg.querySelectorAll("g.edge"), function (g) {
                var title = g.querySelector("title");
                var ends = title ? title.textContent.split("->") : [];
                if (ends.length !== 2) return;
                var a = ends[0], b = ends[1];
                var onPath = (a === id || preds[a]) && (b === id || preds[b]) || (a === id || succs[a]) && (b === id || succs[b]);
                if (onPath) g.classList.add("on-path");
              });
            }
            if (reveal) (svg || panel).closest(".graph-and-panel").scrollIntoView({ block: "nearest" });
            function list(set) {
              var ids = Object.keys(set).filter(function (k) { return feature.tasks[k]; });
              ids.sort(function (a, b) { return feature.tasks[a].line - feature.tasks[b].line; });
              return ids.length ? ids.map(taskButton).join(" ") : "none";
            }
            var html = "<h4>" + escapeText(id) + " <small>line " + task.line + ", " + escapeText(task.status) + "</small></h4>";
            html += "<p class=\\"description\\">" + escapeText(task.text) + "</p>";
            if (task.phase) html += "<p>" + escapeText(task.phase) + "</p>";
            if (task.wave !== undefined) {
              html += "<p>Wave " + task.wave + ", starts at " + hours(task.start) + ", finishes at " + hours(task.finish) + (task.critical ? " (critical)" : ", slack " + hours(task.slack)) + "</p>";
            } else if (task.node < 0) {
              html += "<p>Finished: not planned.</p>";
            }
            html += "<p class=\\"pred-list\\">Before it: " + list(preds) + "</p>";
            html += "<p class=\\"succ-list\\">After it: " + list(succs) + "</p>";
            if (task.why) {
              if (!task.why.length) {
                html += "<p class=\\"why\\">Why here: nothing comes before it; it can start in wave 1.</p>";
              } else {
                html += "<p>Why here:</p><ol class=\\"why\\">" + task.why.map(function (e) {
                  return "<li>" + escapeText(e[0]) + " → " + escapeText(e[1]) + " <small>(" + escapeText(e[2]) + (e[2] === "correction" ? ", corrections file line " : ", line ") + e[3] + ")</small></li>";
                }).join("") + "</ol>";
              }
            }
            panel.innerHTML = html;
            panel.setAttribute("data-task", id);
          }

          document.addEventListener("click", function (e) {
            var link = e.target.closest(".task-link");
            var section = e.target.closest("section.feature");
            if (link) {
              var index = section ? sections.indexOf(section) : Number(link.getAttribute("data-feature"));
              select(index, link.getAttribute("data-task"), true);
              return;
            }
            var node = e.target.closest("g.node.task");
            if (node && section) select(sections.indexOf(section), node.id);
          });

          // Search by ID or text, across every feature.
          var input = document.getElementById("search");
          var count = document.getElementById("search-count");
          var results = document.getElementById("search-results");
          function search() {
            var q = input.value.trim().toLowerCase();
            var found = [];
            sections.forEach(function (section, index) {
              var svg = graphOf(section);
              if (svg) {
                svg.classList.toggle("searching", q.length > 0);
                Array.prototype.forEach.call(svg.querySelectorAll("g.node.match"), function (g) { g.classList.remove("match"); });
              }
              if (!q) return;
              var tasks = data.features[index].tasks;
              Object.keys(tasks).forEach(function (id) {
                if (id.toLowerCase().indexOf(q) < 0 && tasks[id].text.toLowerCase().indexOf(q) < 0) return;
                found.push([index, id]);
                nodesById(svg, id).forEach(function (g) { g.classList.add("match"); });
              });
            });
            count.textContent = q ? found.length + (found.length === 1 ? " match" : " matches") : "";
            results.hidden = !q || !found.length;
            results.innerHTML = found.slice(0, 200).map(function (m) {
              var f = data.features[m[0]];
              return '<li><button type="button" class="task-link" data-feature="' + m[0] + '" data-task="' + escapeText(m[1]) + '">' + escapeText(m[1]) + "</button> <small>" + escapeText(f.name) + "</small> " + escapeText(f.tasks[m[1]].text) + "</li>";
            }).join("");
          }
          input.addEventListener("input", search);
          window.specgraphReport = { select: select, search: search };
        })();

        """
}
