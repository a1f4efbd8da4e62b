import Testing

@testable import SpecKitTasks

@Suite("File paths and estimates")
struct TextFactsTests {
    @Test(
        "tokens that are paths",
        arguments: [
            ("in src/models/user.py", "src/models/user.py"), ("update README.md.", "README.md"),
            ("edit UserService.cs,", "UserService.cs"), ("the `src/lib/` folder", "src/lib/"),
            ("edit `package.json`", "package.json"), ("(in docs/guide.md)", "docs/guide.md"),
            ("file \"config/app.yaml\"", "config/app.yaml"), ("at `.github/workflows/ci.yml`", ".github/workflows/ci.yml"),
            ("create .env.example", ".env.example"), ("in **src/app.ts**", "src/app.ts"),
            ("创建 backend/Program.cs 文件", "backend/Program.cs"), ("fix src/a.py:42", "src/a.py"),
            ("add app/404.html", "app/404.html"), ("run migrations/0001.sql", "migrations/0001.sql"),
            ("edit `404.html`", "404.html"), ("in app/(tabs)/_layout.tsx", "app/(tabs)/_layout.tsx"),
            ("in api/users.py::create_user", "api/users.py"), ("fix `tests/test_api.py::test_login`", "tests/test_api.py"),
        ])
    func paths(text: String, path: String) {
        #expect(parse("- [ ] T001 \(text)").tasks.first?.files == [path])
    }

    @Test(
        "tokens that are not paths",
        arguments: [
            "use Node.js and Vue.js", "with ASP.NET and Socket.io", "see https://example.com/a.html",
            "handle login/logout", "after T007/T008 pass", "budget 2h/4h/8h", "version v1.2 or 3.11",
            "e.g. this, i.e. that, etc.", "all src/*.py files", "in src/[feature]/x.py", "mail ann@example.com",
            "plain words only", "`npm run build`", "takes 1.5d", "about 2.5GB", "with NextAuth.js", "Node.js 20.x or v1.2.x",
            "in src/(a.py", "call f(x).py", "a doc comment (`//!`) or `/`", "use std::vector here", "call `Foo::bar()`",
        ])
    func notPaths(text: String) {
        #expect(parse("- [ ] T001 Do \(text)").tasks.first?.files == [])
    }

    /// The body is read from a joined copy of its lines: URL and e-mail tests
    /// must look at that copy, not at the document at the same offsets.
    @Test("a URL or an e-mail address in a task's body is not a path")
    func notPathsInTheBody() {
        let text = "# Tasks\n\n- [ ] T001 Write the guide\n  see https://example.com/a.html\n  ask ann@example.org/x.md\n"
        #expect(parse(text).tasks.first?.files == [])
    }

    @Test("paths are deduplicated in order and exclude dependency clauses")
    func pathOrder() {
        let task = parse("- [ ] T002 Edit b.py and a.py then b.py again (depends on T001)\n- [ ] T001 x").tasks.first
        #expect(task?.files == ["b.py", "a.py"])
    }

    @Test(
        "estimates in hours",
        arguments: [
            ("(2h)", 2.0), ("[2h]", 2), ("(~3d)", 24), ("(est: 90m)", 1.5), ("(Est. 1.5h)", 1.5), ("(estimate: 1.5d)", 12),
            ("**Estimated Time**: 2 hours", 2), ("Estimate: 3h", 3), ("(1w)", 40), ("(30 min)", 0.5), ("(4 hrs)", 4),
            ("(2 weeks)", 80), ("(1 day)", 8),
        ])
    func estimates(text: String, hours: Double) {
        let estimate = parse("- [ ] T001 Work \(text)").tasks.first?.estimate
        #expect(estimate?.hours == hours)
        #expect(estimate?.threePoint == nil)
    }

    @Test(
        "a duration after a spaced dash ends the first line: an estimate when most task lines end so; anywhere else, or with no dash, none",
        arguments: [
            ("Create models in src/Models/ - 1h", 1.0), ("Wire the routes – 30 min", 0.5), ("Docs — ~2.5h", 2.5),
            ("Migrate data - 2 days", 16), ("Review (2h) - 1h", 2),
            ("Set the cache TTL to 24h", nil), ("Add retries - 3 times", nil), ("Keep 1h - then stop", nil),
            ("Poll every - 5m interval", nil),
        ] as [(String, Double?)])
    func trailingEstimates(text: String, hours: Double?) {
        let doc = parse("- [ ] T001 \(text)\n  with a body line - 4h\n- [ ] T002 Seed - 1h\n- [ ] T003 Test - 2h\n- [ ] T004 Ship - 1h\n")
        #expect(doc.tasks.first?.estimate?.hours == hours)
        #expect(doc.tasks.dropFirst().map(\.estimate?.hours) == [1, 2, 1])
    }

    @Test("in a document whose task lines mostly end otherwise, a setting after a dash is no estimate")
    func trailingSettingsAreNoEstimates() {
        let doc = parse("""
            - [ ] T001 Set the CPU request in k8s/deploy.yaml - 500m
            - [ ] T002 Set the session lifetime - 7d
            - [ ] T003 Configure log retention - 30 days
            - [ ] T004 Add the login form in src/login.tsx
            - [ ] T005 Add the logout button in src/logout.tsx
            - [ ] T006 Wire the routes in src/routes.ts
            - [ ] T007 Write the docs in docs/auth.md
            """)
        #expect(doc.tasks.allSatisfy { $0.estimate == nil })
    }

    @Test(
        "estimates in other languages and effort fields: their keywords, units and a word for about",
        arguments: [
            ("**预计时间**：3 小时", 3.0), ("(6時間)", 6), ("**Estimated Time**: 約2.5時間", 2.5), ("見積り: 2日", 16),
            ("예상 시간: 45분", 0.75), ("(1週間)", 40), ("估时: 大约 2 个小时", 2), ("工时：½ 天", nil), ("预估 3 小时", nil),
            ("第3日", nil), ("工时很多", nil), ("**推定時間**: 2 時間", 2),
            // Effort and duration fields, and the estimate words and units of Spanish, Portuguese and French.
            ("**Duration**: 0.5 days", 4), ("Effort: 3h", 3), ("Estimativa: 3 horas", 3), ("Duración: 2 días", 16),
            ("**Estimation** : 1 jour", 8), ("(2 semanas)", 80), ("Esforço: 45 minutos", 0.75),
            ("the duration of 2h", nil), ("Duration 3h", nil), ("Effort: high", nil), ("- Duration: 1 day", 8),
            // Only a field: a word inside a sentence names no estimate.
            ("Set session duration: 30 minutes", nil), ("Cache TTL. Duration: 5 days", nil), ("Timeout estimado: 2 dias", nil),
            // A bracket glued to a word is no estimate; after a character of another script it is.
            ("model: \"opus-4.8[1m]\"", nil), ("matrix[2d] index", nil), ("实现登录(2h)", 2),
        ] as [(String, Double?)])
    func cjkEstimates(text: String, hours: Double?) {
        let estimate = parse("- [ ] T001 做事\n  \(text)").tasks.first?.estimate
        #expect(estimate?.hours == hours)
    }

    @Test("an estimate among the labels is an estimate, not a label")
    func estimateLabel() {
        let doc = parse("- [ ] T001 [2h] Create model in src/a.py\n- [ ] T002 [P] [~3d] [US1] Create view (1h)\n- [ ] T003 [est: 1h/2h/9h] Spike\n")
        #expect(doc.tasks.map(\.estimate?.hours) == [2, 24, 3])
        #expect(doc.tasks.map(\.labels) == [[], [], []])
        #expect(doc.tasks[1].parallel && doc.tasks[1].stories == ["US1"])
        #expect(doc.tasks[0].description == "Create model in src/a.py")
    }

    @Test("three-point estimates")
    func threePoint() {
        let estimate = parse("- [ ] T001 Work (est: 2h/4h/8h)").tasks.first?.estimate
        #expect(estimate?.threePoint?.optimistic == 2)
        #expect(estimate?.threePoint?.likely == 4)
        #expect(estimate?.threePoint?.pessimistic == 8)
        #expect(estimate?.hours == (2 + 16 + 8) / 6.0)
        #expect(estimate?.variance == 1)
    }

    @Test("no estimate in ordinary parentheses", arguments: ["(the 2 handlers)", "(see section 2)", "(v2)", "(100ms budget)"])
    func noEstimate(text: String) {
        #expect(parse("- [ ] T001 Work \(text)").tasks.first?.estimate == nil)
    }
}
