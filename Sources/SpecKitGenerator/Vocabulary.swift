/// The words synthetic specs are made of. Tables are short on purpose: the
/// generator names files by (table entry, variant number), so uniqueness
/// comes from the numbers, not from the size of the tables.
enum Vocabulary {
    static let featureAdjectives: [StaticString] = [
        "Customer", "Unified", "Realtime", "Self-Service", "Mobile", "Secure", "Collaborative", "Analytics",
    ]
    static let featureNouns: [StaticString] = [
        "Billing Portal", "Workspace", "Booking Platform", "Inventory Hub", "Learning Platform", "Support Desk",
        "Media Library", "Fleet Tracker",
    ]
    static let featureSlugs: [StaticString] = [
        "billing-portal", "workspace", "booking-platform", "inventory-hub", "learning-platform", "support-desk",
        "media-library", "fleet-tracker",
    ]

    /// Story areas: the plural used in titles, which is also the package
    /// directory of the story's files.
    static let areas: [StaticString] = [
        "invoices", "orders", "payments", "accounts", "profiles", "reports", "inbox", "projects",
        "teams", "comments", "documents", "schedules", "products", "carts", "reviews", "messages",
        "tickets", "events", "bookings", "shipments", "plans", "charts", "uploads", "playlists",
        "recipes", "workouts", "courses", "lessons", "contracts", "vendors", "assets", "budgets",
        "alerts", "sessions", "tags", "webhooks", "exports", "imports", "backups", "audits",
    ]
    static let storyVerbs: [StaticString] = [
        "Manage", "Browse", "Search", "Export", "Import", "Share", "Review", "Archive", "Schedule", "Track",
        "Approve", "Sync",
    ]
    static let storyVerbsLower: [StaticString] = [
        "manage", "browse", "search", "export", "import", "share", "review", "archive", "schedule", "track",
        "approve", "sync",
    ]

    /// Entities: the type name and the snake-case file stem, index for index.
    static let entityTypes: [StaticString] = [
        "Invoice", "LineItem", "Customer", "Order", "Payment", "Account", "Profile", "Report", "Notification",
        "Project", "Member", "Comment", "Document", "Schedule", "Product", "Cart", "Review", "Message",
        "Ticket", "Event", "Booking", "Shipment", "Plan", "Widget", "Upload", "Track", "Recipe", "Course",
        "Vendor", "Budget",
    ]
    static let entityFiles: [StaticString] = [
        "invoice", "line_item", "customer", "order", "payment", "account", "profile", "report", "notification",
        "project", "member", "comment", "document", "schedule", "product", "cart", "review", "message",
        "ticket", "event", "booking", "shipment", "plan", "widget", "upload", "track", "recipe", "course",
        "vendor", "budget",
    ]

    static let httpMethods: [StaticString] = ["GET", "POST", "PUT", "PATCH", "DELETE"]

    /// Phrases for a task that changes a file an earlier task created.
    static let revisions: [StaticString] = [
        "Add validation to ", "Add structured logging to ", "Handle edge cases in ",
        "Refactor ",
    ]

    /// Setup and Foundational tasks: description, then a path made of
    /// head + variant number + tail.
    struct BarrierTask {
        let description: StaticString
        let pathHead: StaticString
        let pathTail: StaticString
    }

    static let setupTasks: [BarrierTask] = [
        BarrierTask(description: "Create project structure in ", pathHead: "src/app", pathTail: "/"),
        BarrierTask(description: "Initialize project dependencies in ", pathHead: "requirements", pathTail: ".txt"),
        BarrierTask(description: "Configure linting in ", pathHead: "config/lint", pathTail: ".toml"),
        BarrierTask(description: "Configure CI pipeline in ", pathHead: ".github/workflows/ci", pathTail: ".yml"),
        BarrierTask(description: "Create environment settings in ", pathHead: "config/settings", pathTail: ".py"),
        BarrierTask(description: "Add container build in ", pathHead: "docker/compose", pathTail: ".yml"),
    ]

    static let foundationalTasks: [BarrierTask] = [
        BarrierTask(description: "Setup database connection pool in ", pathHead: "src/core/db", pathTail: ".py"),
        BarrierTask(description: "Implement authentication middleware in ", pathHead: "src/core/auth", pathTail: ".py"),
        BarrierTask(description: "Configure structured logging in ", pathHead: "src/core/logging", pathTail: ".py"),
        BarrierTask(description: "Create error handling in ", pathHead: "src/core/errors", pathTail: ".py"),
        BarrierTask(description: "Setup API router in ", pathHead: "src/api/router", pathTail: ".py"),
        BarrierTask(description: "Create shared base model in ", pathHead: "src/models/base", pathTail: ".py"),
        BarrierTask(description: "Add request tracing middleware in ", pathHead: "src/core/tracing", pathTail: ".py"),
    ]

    static let polishTasks: [BarrierTask] = [
        BarrierTask(description: "Documentation updates in ", pathHead: "docs/guide", pathTail: ".md"),
        BarrierTask(description: "Additional unit tests in ", pathHead: "tests/unit/test_edge_cases", pathTail: ".py"),
        BarrierTask(description: "Security hardening review of ", pathHead: "src/core/auth", pathTail: ".py"),
        BarrierTask(description: "Run quickstart validation against ", pathHead: "docs/quickstart", pathTail: ".md"),
        BarrierTask(description: "Profile hot paths in ", pathHead: "src/core/db", pathTail: ".py"),
        BarrierTask(description: "Code cleanup across ", pathHead: "src/app", pathTail: "/"),
    ]
}
