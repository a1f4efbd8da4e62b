import Foundation
import Testing

/// `specgraph report`: the page it writes, checked as text and in a real browser.
@Suite struct ReportCommandTests {
    func writeReport(_ args: [String]) throws -> (html: String, dir: URL) {
        let dir = try SpecGraphBinary.temporaryDirectory()
        let out = dir.appendingPathComponent("report.html")
        let r = try SpecGraphBinary.run(["report", "-o", out.path] + args)
        #expect(r.code == 0 || r.code == 1, "\(r.stderr)")
        return (try String(contentsOf: out, encoding: .utf8), dir)
    }

    @Test func reportHoldsNoURLButNamespaceNames() throws {
        let (html, dir) = try writeReport(["--team", "3", "Examples"])
        defer { try? FileManager.default.removeItem(at: dir) }
        let allowed: Set<String> = ["http://www.w3.org/2000/svg", "http://www.w3.org/1999/xlink", "http://www.w3.org/1999/xhtml"]
        let pattern = try NSRegularExpression(pattern: "https?://[^\"'\\s<>)]*", options: [.caseInsensitive])
        let found = pattern.matches(in: html, range: NSRange(html.startIndex..., in: html)).map {
            String(html[Range($0.range, in: html)!])
        }
        #expect(!found.isEmpty, "the inline SVGs name their namespace")
        #expect(Set(found).subtracting(allowed).isEmpty, "external URLs: \(Set(found).subtracting(allowed))")
        // Nothing that would fetch: no src, no stylesheet link, no url() in CSS.
        #expect(!html.contains(" src="))
        #expect(!html.contains("<link"))
        #expect(!html.contains("url("))
        // One section per feature, each with its task graph and its task nodes.
        #expect(html.components(separatedBy: "<section class=\"feature\"").count == 5)
        #expect(html.contains("<g id=\"T011\" class=\"node task"))
        #expect(html.contains("<h3>Team schedule</h3>"))
    }

    @Test func aWriteThatFailsLeavesNothingBehind() throws {
        let dir = try SpecGraphBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try SpecGraphBinary.run(["report", "-o", dir.appendingPathComponent("missing/report.html").path, "Examples/legacy-cli"])
        #expect(r.code == 2)
        #expect(r.stderr.contains("cannot write"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).isEmpty)
    }

    /// The browser: Debian's `chromium`, or `$CHROMIUM`.
    static var chromium: String? {
        if let given = ProcessInfo.processInfo.environment["CHROMIUM"], !given.isEmpty {
            return FileManager.default.isExecutableFile(atPath: given) ? given : nil
        }
        return ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"].first {
            FileManager.default.isExecutableFile(atPath: $0)
        }
    }

    /// Runs the browser headless; stdout, with a time limit.
    static func runBrowser(_ args: [String]) throws -> String {
        let browser = try #require(
            chromium,
            "no chromium: the report's browser test needs Debian's chromium (apt-get install chromium) or $CHROMIUM; .ci/run installs it")
        let p = Process()
        p.executableURL = URL(fileURLWithPath: browser)
        let profile = try SpecGraphBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: profile) }
        p.arguments = ["--headless", "--disable-gpu", "--no-sandbox", "--no-first-run", "--user-data-dir=\(profile.path)"] + args
        let out = Pipe()
        p.standardOutput = out
        p.standardError = FileHandle.nullDevice
        try p.run()
        let killer = DispatchWorkItem { if p.isRunning { p.terminate() } }
        DispatchQueue.global().asyncAfter(deadline: .now() + 180, execute: killer)
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        killer.cancel()
        return String(decoding: data, as: UTF8.self)
    }

    /// Script run before the report's own: any error, console error or
    /// blocked request is written down.
    static let watch = """
        <script>
        window.__problems = [];
        window.addEventListener("error", function (e) { window.__problems.push("error: " + e.message); });
        window.addEventListener("securitypolicyviolation", function (e) { window.__problems.push("blocked: " + e.blockedURI); });
        (function () { var original = console.error; console.error = function () {
          window.__problems.push("console.error: " + Array.prototype.join.call(arguments, " ")); original.apply(console, arguments); }; })();
        </script>
        """

    /// Checks run after the report's script, through the DOM only, as a user would act.
    static let checks = """
        <script>
        (function () {
          var out = { problems: window.__problems };
          try {
            var input = document.getElementById("search");
            function find(q) {
              input.value = q;
              input.dispatchEvent(new Event("input", { bubbles: true }));
              return Array.prototype.map.call(document.querySelectorAll("g.node.task.match"), function (g) { return g.id; });
            }
            out.byID = find("T011");
            out.byIDCount = document.getElementById("search-count").textContent;
            out.byText = find("http checker");
            out.dimmed = getComputedStyle(document.querySelector("g.node.task:not(.match)")).opacity;
            out.cleared = find("").length;
            var node = document.querySelector('section.feature g.node.task[id="T011"]');
            node.dispatchEvent(new MouseEvent("click", { bubbles: true }));
            var section = node.closest("section.feature");
            function ids(selector) { return Array.prototype.map.call(section.querySelectorAll(selector), function (g) { return g.id; }); }
            out.selected = ids("g.node.selected");
            out.preds = ids("g.node.task.pred");
            out.succs = ids("g.node.task.succ");
            var panel = section.querySelector(".selection");
            out.panelTask = panel.getAttribute("data-task");
            out.panelText = panel.textContent;
            out.why = Array.prototype.map.call(panel.querySelectorAll("ol.why li"), function (li) { return li.textContent; });
            var svg = section.querySelector("figure.tasks svg");
            var before = svg.getAttribute("viewBox");
            section.querySelector('figure.tasks button[data-zoom="in"]').click();
            out.zoomed = svg.getAttribute("viewBox") !== before;
            var viewport = section.querySelector("figure.tasks .viewport");
            var r = viewport.getBoundingClientRect();
            function pointer(type, dx, dy) {
              viewport.dispatchEvent(new PointerEvent(type, { bubbles: true, pointerId: 1, clientX: r.left + 200 + dx, clientY: r.top + 200 + dy }));
            }
            var beforeDrag = svg.getAttribute("viewBox").split(" ").map(Number);
            // A browser follows pointerup with a click on the task under the pointer; it must not select it.
            var under = section.querySelector('g.node.task[id="T003"]');
            pointer("pointerdown", 0, 0); pointer("pointermove", 40, 25); pointer("pointermove", 80, 50); pointer("pointerup", 80, 50);
            under.dispatchEvent(new MouseEvent("click", { bubbles: true }));
            out.selectedAfterDrag = panel.getAttribute("data-task");
            var afterDrag = svg.getAttribute("viewBox").split(" ").map(Number);
            out.panned = afterDrag[0] < beforeDrag[0] && afterDrag[1] < beforeDrag[1] && afterDrag[2] === beforeDrag[2];
            // Drag back: the picture is where it was.
            pointer("pointerdown", 80, 50); pointer("pointermove", 40, 25); pointer("pointermove", 0, 0); pointer("pointerup", 0, 0);
            viewport.dispatchEvent(new MouseEvent("click", { bubbles: true }));
            section.querySelector('figure.tasks button[data-zoom="out"]').click();
            out.unzoomed = svg.getAttribute("viewBox").split(" ").map(Number).map(Math.round).join(" ") === before.split(" ").map(Number).map(Math.round).join(" ");
            var link = section.querySelector('ol.chain .task-link[data-task="T004"]');
            link.click();
            out.afterLink = panel.getAttribute("data-task");
            node.dispatchEvent(new MouseEvent("click", { bubbles: true }));
            out.finalSelection = panel.getAttribute("data-task");
            window.scrollTo(0, 0);
          } catch (e) {
            out.problems.push("check: " + e);
          }
          var pre = document.createElement("pre");
          pre.id = "test-results";
          pre.textContent = JSON.stringify(out);
          pre.style.display = "none";
          document.body.appendChild(pre);
        })();
        </script>
        """

    @Test func searchAndClickWorkInARealBrowser() throws {
        let (html, dir) = try writeReport(["--team", "2", "Examples/legacy-cli"])
        defer { try? FileManager.default.removeItem(at: dir) }
        let head = try #require(html.range(of: "<head>"))
        let end = try #require(html.range(of: "</body>", options: .backwards))
        var page = html
        page.replaceSubrange(end, with: Self.checks + "</body>")
        page.insert(contentsOf: Self.watch, at: head.upperBound)
        let pageURL = dir.appendingPathComponent("checks.html")
        try page.write(to: pageURL, atomically: true, encoding: .utf8)

        let dom = try Self.runBrowser(["--dump-dom", pageURL.absoluteString])
        let start = try #require(dom.range(of: "<pre id=\"test-results\""), "the checks did not run; the browser printed \(dom.prefix(300))")
        let open = try #require(dom[start.upperBound...].firstIndex(of: ">"))
        let close = try #require(dom.range(of: "</pre>", range: open..<dom.endIndex))
        let text = String(dom[dom.index(after: open)..<close.lowerBound])
            .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&amp;", with: "&")
        let results = try #require(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])

        #expect(results["problems"] as? [String] == [], "errors in the page")
        #expect(results["byID"] as? [String] == ["T011"])
        #expect(results["byIDCount"] as? String == "1 match")
        #expect((results["byText"] as? [String])?.contains("T011") == true)
        #expect(results["dimmed"] as? String == "0.25")
        #expect(results["cleared"] as? Int == 0)
        #expect(results["selected"] as? [String] == ["T011"])
        let preds = try #require(results["preds"] as? [String])
        let succs = try #require(results["succs"] as? [String])
        // T011 is the HTTP checker: after the link model (T008) and the scanner (T009), before the cache (T012).
        #expect(preds.contains("T008") && preds.contains("T009") && preds.contains("T003"))
        #expect(succs.contains("T012") && succs.contains("T024"))
        #expect(Set(preds).isDisjoint(with: succs))
        #expect(results["panelTask"] as? String == "T011")
        #expect((results["panelText"] as? String)?.contains("HTTP checker") == true)
        let why = try #require(results["why"] as? [String])
        #expect(!why.isEmpty)
        #expect(why.last?.contains("→ T011") == true)
        #expect(results["zoomed"] as? Bool == true)
        #expect(results["unzoomed"] as? Bool == true)
        #expect(results["panned"] as? Bool == true, "dragging moves the picture with the pointer")
        #expect(results["selectedAfterDrag"] as? String == "T011", "the click that ends a drag selects nothing")
        #expect(results["finalSelection"] as? String == "T011")
        #expect(results["afterLink"] as? String == "T004")

        // A screenshot to look at: $SPECGRAPH_SCREENSHOT, or beside the page.
        let shot = ProcessInfo.processInfo.environment["SPECGRAPH_SCREENSHOT"] ?? dir.appendingPathComponent("report.png").path
        _ = try Self.runBrowser(["--screenshot=\(shot)", "--window-size=1400,1000", "--hide-scrollbars", pageURL.absoluteString])
        let png = try Data(contentsOf: URL(fileURLWithPath: shot))
        #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47]))
        #expect(png.count > 20_000, "a blank page is a few kilobytes")
    }
}
