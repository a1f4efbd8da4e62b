/// The words that state order between tasks, in every language specgraph
/// reads, as one table: each word with its language, its role and where it
/// stands relative to the tasks it names. The dependency reader asks this
/// table what a word means; a new language is new rows, not new code.
///
///     after T003      T003 之后      T001完了後      T002 이후        (role .after)
///     blocks T011     bloqueia T011                                 (role .blocks)
///     T004 before T008                       (role .before, declared sections only)
///     T005, T006 can run in parallel   并行   並列   em paralelo    (role .parallel)
///     T016 independent   independent of US2                        (role .independent)
///     no dependencies   sem dependências   无依赖   без            (role .negation)
///     Dependencies: None   依赖：无   依存: なし   의존성: 없음       (role .none)
enum DependencyRole: Int, Sendable {
    /// The listed tasks come first: `depends on T003`, `after T003`, `T003 之后`.
    case after
    /// The listed tasks come after: `blocks T011`.
    case blocks
    /// Between two subjects, declared sections only: `T004 before T008`.
    case before
    /// The named tasks may run together: `can run in parallel`, `parallel with`.
    case parallel
    /// `independent`, `independent of`: no order, and none implied.
    case independent
    /// Turns the clause word after it into a statement of no order: `no`, `not`, `sem`, `无`.
    case negation
    /// An empty list: `None`, `n/a`, `-`, `なし`.
    case none
    /// Words between a clause word and its list: `completion of`, `the tasks`.
    case filler
    /// Joins list items: `and`, `e`, `y`, `et`, `und`, `и`, `和`, `,`, `/`, `+`, `&`, `、`.
    case and
    /// Joins the two ends of a range: `-`, `–`, `—`, `..`, `through`, `to`, `a`, `até`, `bis`.
    /// Outside a range the dashes are plain dashes.
    case range
    /// An arrow pointing forward, `A → B` (A before B): `→`, `⟶`, `->`, `-->`, `--->`.
    case arrow
    /// An arrow pointing back, `A ← B` (B before A): `←`, `⟵`, `<-`, `<--`.
    case arrowBack
    /// Ends a sentence: `;`, `；`, `。`, and `.` before a blank or the end.
    case sentenceEnd
    /// Opens a parenthesis: `(`, `（`.
    case open
    /// Closes a parenthesis: `)`, `）`.
    case close
    /// Ends a field name or a lead: `:`, `：`.
    case colon
    // Words of the clause layer (never tokens of their own):
    /// After a parallel word, introduces what runs beside: `with`, `of`, `com`, `avec`, `mit`, `с`, `与`.
    case connector
    /// After a parallel word: the subject's tasks among themselves (`each other`, `entre sí`, `互いに`).
    case eachOther
    /// After `independent of`: every other story phase (`other stories`, `outras histórias`).
    case otherStories
    /// After an ordering clause: the order does not matter (`or vice versa`, `oder umgekehrt`).
    case viceVersa
    /// Picks some of a phase's tasks only: `many`, `most`, `some`, `several`.
    case quantifier
    /// Between a subject and its clause word: `T012 can run in parallel`, `T018 also depends on`.
    case helper
    /// A barrier phase named by a word of its title, capitalised as authors
    /// write it: `Setup`, `Foundational`, `Polish`, `Fundacional`, `基盤`.
    case phaseName
    /// The word of a worded task ID: `Task 3`, `任务 1.1`, `タスク 1.2a`, `Tarea 2`, `Задача 2` (`TASK-001`).
    case taskWord
    /// A heading that holds one names a Dependencies section: `Dependencies`,
    /// `Execution Order`, `Dependências`, `依存関係`, `执行顺序`, `Зависимости`.
    case sectionHeading
    /// Names a phase by the number that follows: `Phase 2`, `Fase 2`, `阶段 2`, `フェーズ 2`, `Этап 2`.
    case phaseWord
    /// Names a user story by the number that follows: `User Story 2`, `História 2`, `用户故事 2`.
    case storyWord
    /// Every story phase: `all user stories`, `todas as histórias`, `所有用户故事`.
    case allStories
    /// A line that starts with one says who does what, never an order:
    /// `Developer A: US1 (T013–T015)`, `Equipe B: …`, `开发者 A：…`.
    case teamWord
}

/// Where a word stands relative to the tasks it names.
enum WordPlacement: Sendable {
    /// Before its list: `after T003`.
    case prefix
    /// After its list: `T003 之后`, `T001完了後`, `T002 이후`.
    case postfix
}

/// One row of the vocabulary, as the reader sees it: plain values, no storage of its own.
struct DependencyWord: Sendable {
    let role: DependencyRole
    let placement: WordPlacement
    /// Read only in Dependencies sections (`before`, `block`): in a task's own
    /// text they are too often plain English.
    let declaredOnly: Bool
    /// A stem: any ending may follow (`независим` for `независимая`, `независимы`).
    let stem: Bool
    /// The first byte of the word (≥ 0xE0: a CJK or Hangul word).
    let first: UInt8
    /// The last byte of the word.
    let last: UInt8
    /// The second byte of the word (0 for a one-byte word): most rows of a
    /// first byte's bucket are ruled out by it before the whole word is compared.
    let second: UInt8
    /// Where the word's bytes are in the vocabulary's byte table, and how many.
    let start: Int32
    let count: Int32
    /// Index into `DependencyVocabulary.languageCodes`.
    let language: UInt8
    /// A symbol (`,`, `→`, `（`): it needs no word boundary on either side.
    let symbol: Bool
    /// `.` ends a sentence only before a blank or the end of the text.
    let needsBlankAfter: Bool
    /// An "after" word that reads as the verb of the item before it
    /// (`T018 depends on T015`, `T003 requires T001`): it starts a clause there.
    let subjectVerb: Bool
}

enum DependencyVocabulary {
    /// Rows: word, role, and flags `p` (postfix), `d` (declared only), `s`
    /// (stem), `y` (symbol: no word boundary), `b` (a blank or the end must
    /// follow; a word of another script with it stands alone: no letter of
    /// its script glued to it on either side, as `후` in `T006 후 진행`),
    /// `v` (a verb that a subject takes: `T018 depends on T015`).
    private typealias Row = (String, DependencyRole, String)

    /// Every language's words. English first; order within a role does not
    /// matter (longer words are tried first).
    private static let languages: [(String, [Row])] = [
        (
            "en",
            [
                ("depends on", .after, "v"), ("depends_on", .after, ""), ("depends-on", .after, "v"),
                ("depend on", .after, "v"), ("dependent on", .after, ""), ("dependencies", .after, ""),
                ("dependency", .after, ""), ("depends", .after, "v"), ("after", .after, ""), ("requires", .after, "v"),
                ("require", .after, "v"), ("needs", .after, "v"), ("need", .after, "v"), ("blocked by", .after, "v"), ("blocked_by", .after, ""), ("blockedby", .after, ""), ("dependson", .after, ""),
                ("blocked-by", .after, ""), ("waits for", .after, "v"), ("wait for", .after, "v"),
                ("waits on", .after, "v"), ("blocked on", .after, "v"), ("prerequisites", .after, ""), ("prerequisite", .after, ""),
                ("prereqs", .after, ""), ("preconditions", .after, ""), ("precondition", .after, ""), ("once", .after, ""),
                ("relies on", .after, "v"), ("rely on", .after, "v"), ("cannot start until", .after, "v"),
                ("can't start until", .after, "v"), ("cannot begin until", .after, "v"), ("can't begin until", .after, "v"),
                ("blocked until", .after, "v"),
                ("blocks", .blocks, ""), ("unblocks", .blocks, ""), ("prerequisite for", .blocks, ""),
                ("prerequisite of", .blocks, ""), ("is required by", .blocks, ""), ("is needed by", .blocks, ""),
                ("required by", .blocks, ""), ("needed by", .blocks, ""), ("block", .blocks, "d"), ("before", .before, "d"), ("precedes", .before, "d"), ("precede", .before, "d"),
                ("parallel", .parallel, ""), ("parallelizable", .parallel, ""),
                ("parallelisable", .parallel, ""), ("concurrently", .parallel, ""),
                ("concurrent", .parallel, ""), ("simultaneously", .parallel, ""), ("alongside", .parallel, ""), ("run beside", .parallel, ""), ("runs beside", .parallel, ""),
                ("at the same time as", .parallel, ""), ("at the same time", .parallel, ""),
                ("independent", .independent, ""),
                ("no", .negation, ""), ("not", .negation, ""), ("without", .negation, ""), ("never", .negation, ""),
                ("cannot", .negation, ""),
                // A hedged order is none (`logically follows US1`, `ideally after T004`).
                ("logically", .negation, ""), ("ideally", .negation, ""), ("preferably", .negation, ""),
                ("none", .none, ""), ("n/a", .none, ""), ("nothing", .none, ""),
                ("the completion of", .filler, ""), ("completion of", .filler, ""), ("completing", .filler, ""),
                ("finishing", .filler, ""), ("the tasks", .filler, ""), ("the task", .filler, ""),
                ("tasks", .filler, ""), ("task", .filler, ""), ("all of", .filler, ""), ("the", .filler, ""),
                ("and", .and, ""),
                ("through", .range, ""), ("thru", .range, ""), ("to", .range, ""),
                ("with", .connector, ""), ("to", .connector, ""), ("of", .connector, ""), ("from", .connector, ""),
                ("alongside", .connector, ""), ("beside", .connector, ""),
                ("each other", .eachOther, ""), ("one another", .eachOther, ""), ("mutually", .eachOther, ""),
                ("between them", .eachOther, ""),
                ("all other user stories", .otherStories, ""), ("all other stories", .otherStories, ""),
                ("other user stories", .otherStories, ""), ("other stories", .otherStories, ""),
                ("the other stories", .otherStories, ""), ("any other story", .otherStories, ""),
                ("any other user story", .otherStories, ""),
                ("or vice versa", .viceVersa, ""), ("or vice-versa", .viceVersa, ""), ("or the other way round", .viceVersa, ""),
                ("or the other way around", .viceVersa, ""),
                ("many", .quantifier, ""), ("most", .quantifier, ""), ("some", .quantifier, ""), ("several", .quantifier, ""),
                ("certain", .quantifier, ""), ("a few", .quantifier, ""),
                ("can run", .helper, ""), ("can be", .helper, ""), ("can start", .helper, ""), ("can", .helper, ""),
                ("is", .helper, ""), ("are", .helper, ""), ("must", .helper, ""), ("should", .helper, ""),
                ("will", .helper, ""), ("may", .helper, ""), ("also", .helper, ""), ("then", .helper, ""),
                ("only", .helper, ""), ("runs", .helper, ""), ("run", .helper, ""), ("is fully", .helper, ""),
                ("fully", .helper, ""), ("still", .helper, ""), ("complete", .helper, ""), ("be complete", .helper, ""),
                ("be completed", .helper, ""), ("finish", .helper, ""), ("be done", .helper, ""), ("start", .helper, ""),
                ("starts", .helper, ""), ("begin", .helper, ""), ("begins", .helper, ""),
                ("setup", .phaseName, ""), ("foundational", .phaseName, ""), ("polish", .phaseName, ""), ("task", .taskWord, ""), ("tasks", .taskWord, ""),
                ("dependenc", .sectionHeading, "s"), ("execution order", .sectionHeading, ""), ("order of execution", .sectionHeading, ""),
                ("phase", .phaseWord, ""), ("phases", .phaseWord, ""), ("user story", .storyWord, ""), ("user stories", .storyWord, ""), ("story", .storyWord, ""), ("stories", .storyWord, ""), ("all stories", .allStories, ""), ("all user stories", .allStories, ""), ("every user story", .allStories, ""), ("every story", .allStories, ""), ("both stories", .allStories, ""), ("both user stories", .allStories, ""), ("all desired user stories", .allStories, ""), ("all desired stories", .allStories, ""), ("all the user stories", .allStories, ""), ("all the stories", .allStories, ""),
                ("developer", .teamWord, "s"), ("dev", .teamWord, ""), ("devs", .teamWord, ""), ("team", .teamWord, ""), ("teams", .teamWord, ""), ("engineer", .teamWord, "s"), ("person", .teamWord, ""),
            ]
        ),
        (
            "pt",
            [
                ("depende de", .after, "v"), ("depende", .after, "v"), ("dependem de", .after, "v"),
                ("depende da", .after, "v"), ("depende do", .after, "v"), ("depende das", .after, "v"), ("depende dos", .after, "v"),
                ("dependem da", .after, "v"), ("dependem do", .after, "v"), ("dependem das", .after, "v"), ("dependem dos", .after, "v"), ("dependências", .after, ""),
                ("dependência", .after, ""), ("após", .after, ""), ("apos", .after, ""), ("depois de", .after, ""),
                ("requer", .after, "v"), ("precisa de", .after, ""), ("bloqueado por", .after, ""),
                ("bloqueada por", .after, ""), ("aguarda", .after, ""),
                ("bloqueia", .blocks, ""), ("antes de", .before, "d"), ("antecede", .before, "d"), ("antecedem", .before, "d"),
                ("paralelamente", .parallel, ""), ("paralelo", .parallel, ""), ("paralelizável", .parallel, ""),
                ("paralelizáveis", .parallel, ""),
                ("simultaneamente", .parallel, ""),
                ("independente", .independent, ""), ("independentes", .independent, ""),
                ("sem", .negation, ""), ("não", .negation, ""), ("nao", .negation, ""),
                ("nenhuma", .none, ""), ("nenhum", .none, ""),
                ("a conclusão de", .filler, ""), ("conclusão de", .filler, ""), ("as tarefas", .filler, ""),
                ("a tarefa", .filler, ""), ("tarefas", .filler, ""), ("tarefa", .filler, ""),
                ("e", .and, ""),
                ("a", .range, ""), ("até", .range, ""),
                ("com", .connector, ""), ("de", .connector, ""),
                ("entre si", .eachOther, ""), ("entre elas", .eachOther, ""),
                ("outras histórias", .otherStories, ""),
                ("ou vice-versa", .viceVersa, ""), ("ou vice versa", .viceVersa, ""),
                ("muitas", .quantifier, ""), ("algumas", .quantifier, ""),
                ("pode", .helper, ""), ("podem", .helper, ""), ("deve", .helper, ""), ("devem", .helper, ""),
                ("também", .helper, ""), ("só", .helper, ""), ("somente", .helper, ""), ("apenas", .helper, ""),
                ("configuração", .phaseName, ""), ("fundacional", .phaseName, ""), ("fundação", .phaseName, ""),
                ("polimento", .phaseName, ""), ("tarefa", .taskWord, ""), ("tarefas", .taskWord, ""),
                ("dependênc", .sectionHeading, "s"), ("ordem de execução", .sectionHeading, ""),
                ("fase", .phaseWord, ""), ("fases", .phaseWord, ""), ("história de usuário", .storyWord, ""), ("histórias de usuário", .storyWord, ""), ("história", .storyWord, ""), ("histórias", .storyWord, ""), ("todas as histórias de usuário", .allStories, ""), ("todas as histórias", .allStories, ""),
                ("desenvolvedor", .teamWord, "s"), ("equipe", .teamWord, ""), ("pessoa", .teamWord, ""),
            ]
        ),
        (
            "es",
            [
                ("dependencias", .after, ""), ("dependencia", .after, ""), ("dependen de", .after, "v"),
                ("depende del", .after, "v"), ("dependen del", .after, "v"), ("después de", .after, ""),
                ("despues de", .after, ""), ("tras", .after, ""), ("requiere", .after, "v"), ("necesita", .after, ""),
                ("bloqueado por", .after, ""), ("bloqueada por", .after, ""),
                ("bloquea", .blocks, ""),
                ("paralelizable", .parallel, ""), ("paralelizables", .parallel, ""), ("paralelos", .parallel, ""), ("paralelas", .parallel, ""),
                ("independiente", .independent, ""), ("independientes", .independent, ""),
                ("sin", .negation, ""), ("nunca", .negation, ""),
                ("ninguna", .none, ""), ("ninguno", .none, ""),
                ("la tarea", .filler, ""), ("las tareas", .filler, ""), ("tarea", .filler, ""),
                ("y", .and, ""),
                ("a", .range, ""),
                ("con", .connector, ""), ("de", .connector, ""),
                ("entre sí", .eachOther, ""), ("entre ellas", .eachOther, ""),
                ("otras historias", .otherStories, ""),
                ("o viceversa", .viceVersa, ""), ("o vice versa", .viceVersa, ""),
                ("muchas", .quantifier, ""), ("algunas", .quantifier, ""),
                ("puede", .helper, ""), ("pueden", .helper, ""), ("debe", .helper, ""), ("deben", .helper, ""),
                ("también", .helper, ""), ("solo", .helper, ""), ("sólo", .helper, ""),
                ("configuración", .phaseName, ""), ("fundacional", .phaseName, ""), ("pulido", .phaseName, ""),
                ("tarea", .taskWord, ""), ("tareas", .taskWord, ""),
                ("orden de ejecución", .sectionHeading, ""),
                ("historia de usuario", .storyWord, ""), ("historias de usuario", .storyWord, ""), ("historia", .storyWord, ""), ("historias", .storyWord, ""), ("todas las historias de usuario", .allStories, ""), ("todas las historias", .allStories, ""),
                ("desarrollador", .teamWord, "s"), ("equipo", .teamWord, ""), ("persona", .teamWord, ""),
            ]
        ),
        (
            "it",
            [
                ("dipende da", .after, "v"), ("dipendono da", .after, "v"), ("dipende dal", .after, "v"), ("dipende dalla", .after, "v"),
                ("dipende dai", .after, "v"), ("dipende dalle", .after, "v"), ("dipende dallo", .after, "v"), ("dipendono dal", .after, "v"),
                ("dipendono dalla", .after, "v"), ("dipendono dai", .after, "v"), ("dipendono dalle", .after, "v"), ("dipende", .after, "v"), ("dipendenze", .after, ""),
                ("dipendenza", .after, ""), ("dopo", .after, ""), ("richiede", .after, "v"), ("necessita di", .after, ""),
                ("bloccato da", .after, ""), ("bloccata da", .after, ""), ("attende", .after, ""),
                ("blocca", .blocks, ""), ("prima di", .before, "d"),
                ("parallelo", .parallel, ""), ("parallela", .parallel, ""), ("paralleli", .parallel, ""), ("parallele", .parallel, ""),
                ("parallelizzabile", .parallel, ""), ("parallelizzabili", .parallel, ""), ("contemporaneamente", .parallel, ""),
                ("indipendente", .independent, ""), ("indipendenti", .independent, ""),
                ("senza", .negation, ""), ("non", .negation, "b"), ("mai", .negation, ""),
                ("nessuna", .none, ""), ("nessuno", .none, ""),
                ("il completamento di", .filler, ""), ("completamento di", .filler, ""), ("le attività", .filler, ""),
                ("l'attività", .filler, ""), ("attività", .filler, ""),
                ("e", .and, ""),
                ("a", .range, ""), ("fino a", .range, ""),
                ("con", .connector, ""), ("di", .connector, ""), ("da", .connector, ""),
                ("tra loro", .eachOther, ""), ("fra loro", .eachOther, ""),
                ("altre storie", .otherStories, ""),
                ("o viceversa", .viceVersa, ""),
                ("molte", .quantifier, ""), ("alcune", .quantifier, ""),
                ("può", .helper, ""), ("possono", .helper, ""), ("deve", .helper, ""), ("devono", .helper, ""),
                ("anche", .helper, ""), ("solo", .helper, ""),
                ("configurazione", .phaseName, ""), ("fondazionale", .phaseName, ""), ("fondamenta", .phaseName, ""), ("rifinitura", .phaseName, ""),
                ("attività", .taskWord, ""),
                ("dipendenz", .sectionHeading, "s"), ("ordine di esecuzione", .sectionHeading, ""),
                ("fasi", .phaseWord, ""), ("storia utente", .storyWord, ""), ("storie utente", .storyWord, ""), ("storia", .storyWord, ""), ("storie", .storyWord, ""), ("tutte le storie utente", .allStories, ""), ("tutte le storie", .allStories, ""),
                ("sviluppator", .teamWord, "s"), ("squadra", .teamWord, ""),
            ]
        ),
        (
            "fr",
            [
                ("dépend de", .after, "v"), ("dépend", .after, "v"), ("dépendent de", .after, "v"),
                ("dépend du", .after, "v"), ("dépend des", .after, "v"), ("dépendent du", .after, "v"), ("dépendent des", .after, "v"), ("dépendances", .after, ""), ("dépendance", .after, ""),
                ("après", .after, ""), ("nécessite", .after, ""), ("requiert", .after, ""),
                ("bloqué par", .after, ""), ("bloquée par", .after, ""),
                ("bloque", .blocks, ""), ("avant", .before, "d"), ("précède", .before, "d"), ("précèdent", .before, "d"),
                ("parallèle", .parallel, ""), ("parallèlement", .parallel, ""), ("parallélisable", .parallel, ""),
                ("parallélisables", .parallel, ""),
                ("indépendante", .independent, ""), ("indépendant", .independent, ""),
                ("sans", .negation, ""), ("pas", .negation, ""), ("ne", .negation, ""),
                ("aucune", .none, ""), ("aucun", .none, ""),
                ("la tâche", .filler, ""), ("les tâches", .filler, ""), ("la fin de", .filler, ""),
                ("et", .and, ""),
                ("à", .range, ""),
                ("avec", .connector, ""), ("de", .connector, ""),
                ("entre eux", .eachOther, ""), ("entre elles", .eachOther, ""),
                ("autres histoires", .otherStories, ""),
                ("ou inversement", .viceVersa, ""),
                ("plusieurs", .quantifier, ""), ("certaines", .quantifier, ""),
                ("peut", .helper, ""), ("peuvent", .helper, ""), ("doit", .helper, ""), ("doivent", .helper, ""),
                ("aussi", .helper, ""), ("seulement", .helper, ""),
                ("fondations", .phaseName, ""), ("finitions", .phaseName, ""),
                ("dépendanc", .sectionHeading, "s"), ("ordre d'exécution", .sectionHeading, ""), ("ordre d’exécution", .sectionHeading, ""),
                ("histoire utilisateur", .storyWord, ""), ("histoires utilisateur", .storyWord, ""), ("histoire", .storyWord, ""), ("histoires", .storyWord, ""), ("toutes les histoires", .allStories, ""),
                ("développeu", .teamWord, "s"), ("équipe", .teamWord, ""), ("personne", .teamWord, ""),
            ]
        ),
        (
            "de",
            [
                ("abhängig von", .after, ""), ("abhängigkeiten", .after, ""), ("abhängigkeit", .after, ""),
                ("hängt ab von", .after, ""), ("nach", .after, ""), ("benötigt", .after, "v"),
                ("erfordert", .after, ""), ("blockiert durch", .after, ""), ("voraussetzungen", .after, ""),
                ("voraussetzung", .after, ""),
                ("blockiert", .blocks, ""), ("vor", .before, "d"),
                ("gleichzeitig", .parallel, ""),
                ("unabhängig", .independent, ""),
                ("ohne", .negation, ""), ("nicht", .negation, ""), ("kein", .negation, ""),
                ("keine", .none, ""), ("keiner", .none, ""),
                ("abschluss von", .filler, ""), ("abschluss der", .filler, ""), ("aufgaben", .filler, ""),
                ("aufgabe", .filler, ""),
                ("und", .and, ""),
                ("bis", .range, ""),
                ("mit", .connector, ""), ("von", .connector, ""), ("zu", .connector, ""),
                ("untereinander", .eachOther, ""), ("voneinander", .eachOther, ""),
                ("anderen stories", .otherStories, ""),
                ("oder umgekehrt", .viceVersa, ""),
                ("einige", .quantifier, ""), ("viele", .quantifier, ""),
                ("kann", .helper, ""), ("können", .helper, ""), ("muss", .helper, ""), ("müssen", .helper, ""),
                ("auch", .helper, ""), ("nur", .helper, ""),
                ("einrichtung", .phaseName, ""), ("grundlagen", .phaseName, ""), ("feinschliff", .phaseName, ""),
                ("abhängigkeit", .sectionHeading, "s"), ("ausführungsreihenfolge", .sectionHeading, ""),
                ("alle stories", .allStories, ""), ("alle user stories", .allStories, ""),
                ("entwickler", .teamWord, "s"),
            ]
        ),
        (
            "zh-Hans",
            [
                ("依赖于", .after, "v"), ("依赖关系", .after, "v"), ("依赖", .after, "v"), ("前置任务", .after, ""), ("前置依赖", .after, ""),
                ("先于", .before, "d"),
                ("前置条件", .after, ""), ("前置", .after, ""), ("需要", .after, ""),
                ("完成之后", .after, "p"), ("完成后", .after, "p"), ("之后", .after, "p"), ("以后", .after, "p"),
                ("阻塞", .blocks, ""),
                ("并行", .parallel, ""), ("同时", .parallel, ""),
                ("独立", .independent, ""),
                ("没有", .negation, ""), ("不", .negation, ""), ("非", .negation, ""),
                ("无", .none, ""),
                ("任务", .filler, ""),
                ("和", .and, ""), ("及", .and, ""), ("与", .and, ""), ("、", .and, ""), ("跟", .and, ""), ("，", .and, ""),
                ("于", .connector, ""), ("与", .connector, ""), ("和", .connector, ""),
                ("彼此", .eachOther, ""), ("互相", .eachOther, ""), ("相互", .eachOther, ""),
                ("其他用户故事", .otherStories, ""), ("其他故事", .otherStories, ""),
                ("或反之", .viceVersa, ""), ("反之亦然", .viceVersa, ""),
                ("可以", .helper, ""), ("也", .helper, ""),
                ("任务", .taskWord, ""),
                ("依赖", .sectionHeading, ""), ("执行顺序", .sectionHeading, ""), ("实施顺序", .sectionHeading, ""),
                ("阶段", .phaseWord, ""), ("用户故事", .storyWord, ""), ("所有用户故事", .allStories, ""), ("所有故事", .allStories, ""), ("全部用户故事", .allStories, ""), ("全部故事", .allStories, ""),
                ("开发者", .teamWord, ""), ("开发人员", .teamWord, ""), ("团队", .teamWord, ""), ("工程师", .teamWord, ""),
            ]
        ),
        (
            "zh-Hant",
            [
                ("依賴於", .after, "v"), ("依賴關係", .after, "v"), ("依賴", .after, "v"), ("相依", .after, ""),
                ("前置任務", .after, ""), ("前置依賴", .after, ""), ("需要", .after, ""), ("先於", .before, "d"),
                ("完成之後", .after, "p"), ("完成後", .after, "p"), ("之後", .after, "p"),
                ("並行", .parallel, ""), ("平行", .parallel, ""), ("同時", .parallel, ""),
                ("獨立", .independent, ""),
                ("沒有", .negation, ""),
                ("無", .none, ""),
                ("任務", .filler, ""),
                ("與", .and, ""),
                ("於", .connector, ""), ("與", .connector, ""),
                ("可以", .helper, ""), ("也", .helper, ""),
                ("任務", .taskWord, ""),
                ("依賴", .sectionHeading, ""), ("相依", .sectionHeading, ""), ("執行順序", .sectionHeading, ""),
                ("階段", .phaseWord, ""), ("使用者故事", .storyWord, ""), ("用戶故事", .storyWord, ""), ("所有使用者故事", .allStories, ""), ("所有故事", .allStories, ""), ("全部使用者故事", .allStories, ""), ("全部故事", .allStories, ""),
                ("開發者", .teamWord, ""), ("開發人員", .teamWord, ""), ("團隊", .teamWord, ""), ("工程師", .teamWord, ""),
            ]
        ),
        (
            "ja",
            [
                ("依存関係", .after, "v"), ("依存", .after, "v"), ("前提条件", .after, ""), ("前提", .after, ""),
                ("完了後", .after, "p"), ("の後", .after, "p"), ("完了に依存", .after, "p"), ("に依存", .after, "p"),
                ("並列", .parallel, ""),
                ("独立", .independent, ""),
                ("なし", .none, ""), ("無し", .none, ""),
                ("タスク", .filler, ""),
                ("と", .and, ""),
                ("互いに", .eachOther, ""),
                ("他のストーリー", .otherStories, ""),
                ("セットアップ", .phaseName, ""), ("基盤", .phaseName, ""), ("仕上げ", .phaseName, ""),
                ("タスク", .taskWord, ""),
                ("依存関係", .sectionHeading, ""), ("依存", .sectionHeading, ""), ("実行順序", .sectionHeading, ""), ("実装順序", .sectionHeading, ""),
                ("フェーズ", .phaseWord, ""), ("ユーザーストーリー", .storyWord, ""), ("すべてのユーザーストーリー", .allStories, ""), ("すべてのストーリー", .allStories, ""),
                ("開発者", .teamWord, ""), ("チーム", .teamWord, ""), ("エンジニア", .teamWord, ""), ("担当者", .teamWord, ""),
            ]
        ),
        (
            "ko",
            [
                ("의존성", .after, ""), ("의존", .after, ""), ("선행 작업", .after, ""), ("선행작업", .after, ""),
                ("선행", .after, ""),
                ("완료 후", .after, "p"), ("이후", .after, "p"), ("후에", .after, "p"), ("후", .after, "pb"),
                // `US2: US1에 의존`, `US1 완료 필요`: the list before the word is what comes first.
                ("에 의존", .after, "p"), ("완료 필요", .after, "p"),
                ("병렬", .parallel, ""), ("동시에", .parallel, ""),
                ("독립", .independent, ""),
                ("없음", .none, ""), ("없이", .none, ""),
                ("작업", .filler, ""),
                ("및", .and, ""), ("와", .and, ""), ("과", .and, ""),
                ("서로", .eachOther, ""),
                ("다른 스토리", .otherStories, ""),
                ("의존성", .sectionHeading, ""), ("실행 순서", .sectionHeading, ""), ("실행순서", .sectionHeading, ""), ("선행 관계", .sectionHeading, ""),
                ("단계", .phaseWord, ""), ("사용자 스토리", .storyWord, ""), ("유저 스토리", .storyWord, ""), ("모든 사용자 스토리", .allStories, ""), ("모든 스토리", .allStories, ""),
                ("개발자", .teamWord, ""), ("팀", .teamWord, ""), ("엔지니어", .teamWord, ""),
            ]
        ),
        (
            "ru",
            [
                ("зависит от", .after, "v"), ("зависят от", .after, ""), ("зависимост", .after, "s"), ("после", .after, ""),
                ("требует", .after, ""),
                ("требуется", .after, ""), ("заблокировано", .after, ""),
                ("блокирует", .blocks, ""), ("перед", .before, "d"), ("предшествует", .before, "d"),
                ("параллельно", .parallel, ""), ("параллельны", .parallel, ""), ("одновременно", .parallel, ""),
                ("независим", .independent, "s"),
                ("без", .negation, ""), ("не", .negation, ""),
                ("нет", .none, ""),
                ("задачи", .filler, ""), ("задача", .filler, ""),
                ("и", .and, ""),
                ("от", .connector, ""), ("с", .connector, ""),
                ("друг от друга", .eachOther, ""), ("друг с другом", .eachOther, ""),
                ("других историй", .otherStories, ""),
                ("или наоборот", .viceVersa, ""),
                ("может", .helper, ""), ("могут", .helper, ""), ("должна", .helper, ""), ("должен", .helper, ""),
                ("также", .helper, ""), ("только", .helper, ""),
                ("настройка", .phaseName, ""), ("полировка", .phaseName, ""),
                ("задача", .taskWord, ""),
                ("зависимост", .sectionHeading, "s"), ("порядок выполнения", .sectionHeading, ""),
                ("фаза", .phaseWord, ""), ("фазы", .phaseWord, ""), ("этап", .phaseWord, ""), ("этапы", .phaseWord, ""), ("история", .storyWord, ""), ("истории", .storyWord, ""), ("все истории", .allStories, ""), ("все пользовательские истории", .allStories, ""), ("всех историй", .allStories, ""), ("всех пользовательских историй", .allStories, ""),
                ("разработчик", .teamWord, "s"), ("команда", .teamWord, ""), ("инженер", .teamWord, "s"),
            ]
        ),
        (
            "pl",
            [
                ("zależy od", .after, "v"), ("zależą od", .after, "v"), ("zależności", .after, ""), ("zależność", .after, ""),
                ("wymaga", .after, "v"), ("wymagają", .after, "v"), ("zablokowane przez", .after, ""),
                ("blokuje", .blocks, ""), ("przed", .before, "d"),
                ("równolegle", .parallel, ""), ("równoległe", .parallel, ""), ("równoległa", .parallel, ""), ("równoległy", .parallel, ""),
                ("jednocześnie", .parallel, ""),
                ("niezależne", .independent, ""), ("niezależny", .independent, ""), ("niezależna", .independent, ""),
                ("niezależnie", .independent, ""),
                ("bez", .negation, ""), ("nie", .negation, "b"),
                ("brak", .none, ""), ("żadnych", .none, ""),
                ("ukończeniu", .filler, ""), ("zakończeniu", .filler, ""), ("zadania", .filler, ""), ("zadanie", .filler, ""), ("zadań", .filler, ""),
                ("i", .and, ""), ("oraz", .and, ""),
                ("od", .connector, ""),
                ("może", .helper, ""), ("mogą", .helper, ""), ("musi", .helper, ""), ("muszą", .helper, ""), ("tylko", .helper, ""),
                ("fundamenty", .phaseName, ""), ("dopracowanie", .phaseName, ""),
                ("zadanie", .taskWord, ""),
                ("zależnoś", .sectionHeading, "s"), ("kolejność realizacji", .sectionHeading, ""), ("kolejność wykonania", .sectionHeading, ""),
                ("faza", .phaseWord, ""), ("fazy", .phaseWord, ""), ("historia użytkownika", .storyWord, ""), ("historii użytkownika", .storyWord, ""), ("historie użytkownika", .storyWord, ""),
                ("wszystkie historie użytkownika", .allStories, ""), ("wszystkie historie", .allStories, ""),
                ("wszystkich historii", .allStories, ""),
                ("programist", .teamWord, "s"), ("zespół", .teamWord, ""),
            ]
        ),
        (
            "id",
            [
                ("bergantung pada", .after, "v"), ("tergantung pada", .after, "v"), ("bergantung", .after, "v"), ("setelah", .after, ""),
                ("sesudah", .after, ""), ("membutuhkan", .after, "v"), ("memerlukan", .after, "v"),
                ("memblokir", .blocks, ""), ("sebelum", .before, "d"),
                ("paralel", .parallel, ""), ("bersamaan", .parallel, ""),
                ("independen", .independent, ""),
                ("tanpa", .negation, ""), ("tidak", .negation, ""),
                ("selesai", .helper, ""), ("dapat", .helper, ""), ("bisa", .helper, ""), ("harus", .helper, ""),
                ("dan", .and, ""),
                ("ketergantungan", .sectionHeading, ""), ("dependensi", .sectionHeading, ""), ("urutan eksekusi", .sectionHeading, ""),
                ("semua user story", .allStories, ""),
            ]
        ),
        (
            // Words of no language: symbols, and the range words every language shares.
            "symbols",
            [
                (",", .and, "y"), ("/", .and, "y"), ("+", .and, "y"), ("&", .and, "y"), ("·", .and, "y"), ("・", .and, "y"),
                ("-", .range, "y"), ("–", .range, "y"), ("—", .range, "y"), ("..", .range, "y"), ("〜", .range, "y"), ("～", .range, "y"),
                ("~", .range, "y"),
                ("→", .arrow, "y"), ("⟶", .arrow, "y"), ("->", .arrow, "y"), ("-->", .arrow, "y"), ("--->", .arrow, "y"),
                ("←", .arrowBack, "y"), ("⟵", .arrowBack, "y"), ("<-", .arrowBack, "y"), ("<--", .arrowBack, "y"),
                // `T009 || T011, T012`, `T020–T023 ∥ T030–T032`: the two sides run side by side.
                ("||", .parallel, "y"), ("∥", .parallel, "y"),
                (";", .sentenceEnd, "y"), ("；", .sentenceEnd, "y"), ("。", .sentenceEnd, "y"), (".", .sentenceEnd, "yb"),
                ("(", .open, "y"), ("（", .open, "y"), (")", .close, "y"), ("）", .close, "y"),
                (":", .colon, "y"), ("：", .colon, "y"),
            ]
        ),
    ]

    /// The language codes of the table, in order (`DependencyWord.language` indexes it).
    static let languageCodes: [String] = languages.map(\.0)

    /// Every row as written in the table (capitalised forms left out), in table order:
    /// for tests and for the word lists in docs/grammar.md.
    /// `flags` are the row's flags as written (see `Row`).
    static var rows: [(word: String, language: String, role: DependencyRole, postfix: Bool, declaredOnly: Bool, flags: String)] {
        languages.flatMap { language, rows in
            rows.map { ($0.0, language, $0.1, $0.2.contains("p"), $0.2.contains("d"), $0.2) }
        }
    }

    /// The vocabulary in immortal buffers, so that the reader's hot loops take
    /// no reference counts: every word's bytes one after another (ASCII
    /// letters lowercase; a space matches any run of blanks and line breaks;
    /// capitalised forms of words that start with a non-ASCII letter, `После`,
    /// added), the rows, and the rows by first byte, longest first (CSR).
    fileprivate struct Storage: @unchecked Sendable {
        let bytes: UnsafeBufferPointer<UInt8>
        let words: UnsafeBufferPointer<DependencyWord>
        /// `offsets[c]..<offsets[c + 1]`: where the rows whose first byte is `c` are in the
        /// table's order by first byte, longest first (only whether a byte has rows is asked).
        let offsets: UnsafeBufferPointer<Int32>
        /// The same rows by first byte and second byte: `pairOrder[pairOffsets[p]..<pairOffsets[p + 1]]`
        /// with `p = first * pairWidth + secondClass[second]` holds, longest first, the rows of
        /// that first byte whose second byte is that byte (a blank for a row's space), or which have none.
        let pairOffsets: UnsafeBufferPointer<Int32>
        let pairOrder: UnsafeBufferPointer<RowKey>
        let secondClass: UnsafeBufferPointer<UInt8>
        let pairWidth: Int
        /// Per pair bucket, the roles of its rows (`RoleSet` bits), and of its
        /// rows read outside Dependencies sections: most lookups for a few
        /// roles end here.
        let pairRoles: UnsafeBufferPointer<UInt32>
        let pairPlainRoles: UnsafeBufferPointer<UInt32>
        /// The same buckets holding only the rows that open a clause in a
        /// task's text (`RoleSet.clause`, not declared-only), in the same
        /// order: the lookup of every word start of `firstWordStart` goes
        /// through these, with none of the other rows to skip.
        let clauseOffsets: UnsafeBufferPointer<Int32>
        let clauseOrder: UnsafeBufferPointer<RowKey>
        /// `RoleSet.clause.rawValue`, at hand with the table.
        let clauseRoles: UInt32
        /// The roles of a phase item: phase names, phase words, story words, all-stories phrases.
        let phaseItemRoles: UInt32
        /// Per lowercase ASCII first letter: a bit per second letter of the clause words (bit 26: non-ASCII).
        let secondLetters: UnsafeBufferPointer<UInt32>
        /// Per pair of ASCII bytes `c << 7 | next`: a bit per third byte of the clause words
        /// that start with those two letters, any case (letters; bit 26 non-ASCII; bit 27
        /// anything else), or 0 when none does; one load for both tests.
        let pairThirds: UnsafeBufferPointer<UInt32>
        /// Non-ASCII first bytes of clause words.
        let leadBytes: UnsafeBufferPointer<Bool>
        /// Per ASCII letter: a bit per second byte of every row that starts with it
        /// (letters; bit 26 non-ASCII; bit 27 anything else), for the lexer.
        let anySecond: UnsafeBufferPointer<UInt32>
        /// Per pair of lowercase ASCII letters: a bit per third byte of every row that starts with them.
        let anyThird: UnsafeBufferPointer<UInt32>
        /// `anySecond` and `anyThird` of the rows that make tokens (`RoleSet.all`):
        /// what the lexer looks up.
        let tokenSecond: UnsafeBufferPointer<UInt32>
        let tokenThird: UnsafeBufferPointer<UInt32>
        /// Per byte: whether a phase name (any case) or a task word starts with it.
        let phaseNameFirst: UnsafeBufferPointer<Bool>
        let taskWordFirst: UnsafeBufferPointer<Bool>
        /// Per byte: the row of a one-byte symbol that is the only row
        /// starting with that byte and matches wherever it stands (`,` `/`
        /// `(` `)` `:` `;`: no `needsBlankAfter`, no dash), or -1.
        let singleSymbol: UnsafeBufferPointer<Int32>
    }

    /// A row as the lookup loop first sees it: its role's bit and the bytes
    /// of the word before its first space (at most eight, little-endian, with
    /// a mask of them), so that most rows are ruled out by one compare with
    /// the text's next eight bytes lowercased, before the row itself is read.
    struct RowKey {
        let prefix: UInt64
        let mask: UInt64
        let roles: UInt32
        let word: Int32

        init(_ word: DependencyWord, index: Int, bytes: [UInt8]) {
            var prefix: UInt64 = 0
            var mask: UInt64 = 0
            for i in 0..<min(8, Int(word.count)) {
                let p = bytes[Int(word.start) + i]
                if p == 0x20 { break }
                prefix |= UInt64(p) << UInt64(8 * i)
                mask |= 0xFF << UInt64(8 * i)
            }
            self.prefix = prefix
            self.mask = mask
            roles = RoleSet(word.role).rawValue
            self.word = Int32(index)
        }
    }

    /// The eight bytes at `k` (zeros past `hi`) as one little-endian number,
    /// ASCII capitals lowercased (`UInt8.lowercased` of each byte): what
    /// `RowKey.prefix` is compared with.
    @inline(__always) static func lowercasedPrefix(_ b: Bytes, _ k: Int, _ hi: Int) -> UInt64 {
        let v = ByteChunk(b, k, hi).bytes
        // Per byte below 0x80: bit 7 of `h + 0x3F` is set from `A` up, that of `h + 0x25` from `[` up.
        let h = v & 0x7F7F_7F7F_7F7F_7F7F
        let upper = (h &+ 0x3F3F_3F3F_3F3F_3F3F) & ~(h &+ 0x2525_2525_2525_2525) & ~v & 0x8080_8080_8080_8080
        return v | upper >> 2
    }

    private static func immortal<T>(_ array: [T]) -> UnsafeBufferPointer<T> {
        precondition(_isPOD(T.self), "the table's buffers hold plain values")
        let buffer = UnsafeMutablePointer<T>.allocate(capacity: max(1, array.count))
        // Plain values: one copy of the bytes.
        array.withUnsafeBytes { if let from = $0.baseAddress { UnsafeMutableRawPointer(buffer).copyMemory(from: from, byteCount: $0.count) } }
        return UnsafeBufferPointer(start: buffer, count: array.count)
    }

    /// The vocabulary's tables, for a caller that looks up many words (the
    /// lexer, the clause prefilter): taken once (`current`) and passed to the
    /// lookups, which then make no lazy-initialisation check of their own
    /// (a global's `swift_once` per word, in code both cores run).
    struct Tables: @unchecked Sendable {
        fileprivate let storage: UnsafePointer<Storage>
        /// The tables (one lazy-initialisation check).
        static var current: Tables { Tables(storage: storagePointer) }
    }

    /// `storage`, in an immortal buffer that `Tables` points to.
    nonisolated(unsafe) private static let storagePointer: UnsafePointer<Storage> = {
        let pointer = UnsafeMutablePointer<Storage>.allocate(capacity: 1)
        pointer.initialize(to: storage)
        return UnsafePointer(pointer)
    }()

    fileprivate static let storage: Storage = {
        var bytes: [UInt8] = []
        var words: [DependencyWord] = []
        for (l, (_, rows)) in languages.enumerated() {
            for (word, role, flags) in rows {
                var forms = [Array(word.utf8)]
                if forms[0][0] >= 0x80, let first = word.unicodeScalars.first {
                    // The first letter capitalised (`после` → `После`), the rest as written.
                    let capital = Array(first.properties.uppercaseMapping.utf8) + forms[0].dropFirst(UTF8.width(first))
                    if capital != forms[0] { forms.append(capital) }
                }
                let flag = Set(flags.utf8)
                for utf8 in forms {
                    words.append(
                        DependencyWord(
                            role: role, placement: flag.contains(UInt8(ascii: "p")) ? .postfix : .prefix,
                            declaredOnly: flag.contains(UInt8(ascii: "d")), stem: flag.contains(UInt8(ascii: "s")),
                            first: utf8[0], last: utf8[utf8.count - 1], second: utf8.count > 1 ? utf8[1] : 0,
                            start: Int32(bytes.count), count: Int32(utf8.count), language: UInt8(l),
                            symbol: flag.contains(UInt8(ascii: "y")), needsBlankAfter: flag.contains(UInt8(ascii: "b")),
                            subjectVerb: flag.contains(UInt8(ascii: "v"))))
                    bytes += utf8
                }
            }
        }
        var buckets = [[Int32]](repeating: [], count: 256)
        for (i, word) in words.enumerated() { buckets[Int(word.first)].append(Int32(i)) }
        var offsets: [Int32] = [0]
        var order: [Int32] = []
        for b in 0..<256 {
            order += buckets[b].sorted { words[Int($0)].count > words[Int($1)].count }
            offsets.append(Int32(order.count))
        }
        // Second bytes in classes: one per second byte some row has, blanks in
        // the class of the space, every other byte in class 0 (one-byte rows only).
        var secondClass = [UInt8](repeating: 0, count: 256)
        var classCount = 1
        for word in words where word.second != 0 && secondClass[Int(word.second)] == 0 {
            secondClass[Int(word.second)] = UInt8(classCount)
            classCount += 1
        }
        precondition(classCount < 256, "too many second bytes for the pair index")
        for c in 0..<256 where UInt8(c).isWhitespace && c != 0x20 {
            precondition(secondClass[c] == 0, "a row's second byte is a blank other than the space")
            secondClass[c] = secondClass[0x20]
        }
        // Every bucket's bounds and roles are written in place (most first bytes
        // have no rows, and most classes of the others only their one-byte rows).
        let pairCount = 256 * classCount
        var pairOffsets = [Int32](repeating: 0, count: pairCount + 1)
        var clauseOffsets = [Int32](repeating: 0, count: pairCount + 1)
        var pairRoles = [UInt32](repeating: 0, count: pairCount)
        var pairPlainRoles = [UInt32](repeating: 0, count: pairCount)
        var pairOrder: [RowKey] = []
        var clauseOrder: [RowKey] = []
        let keys = words.indices.map { RowKey(words[$0], index: $0, bytes: bytes) }
        var present = [Bool](repeating: false, count: classCount)
        var oneByte: [Int32] = []
        for f in 0..<256 {
            let rows = order[Int(offsets[f])..<Int(offsets[f + 1])]
            let base = f * classCount
            guard !rows.isEmpty else {
                for p in base + 1...base + classCount {
                    pairOffsets[p] = Int32(pairOrder.count)
                    clauseOffsets[p] = Int32(clauseOrder.count)
                }
                continue
            }
            // The rows of one byte fit every second byte: a class that no row of
            // this first byte has holds those rows only.
            oneByte.removeAll(keepingCapacity: true)
            for i in present.indices { present[i] = false }
            for r in rows {
                let second = words[Int(r)].second
                if second == 0 { oneByte.append(r) } else { present[Int(secondClass[Int(second)])] = true }
            }
            for c in 0..<classCount {
                var roles: UInt32 = 0
                var plainRoles: UInt32 = 0
                func add(_ r: Int32) {
                    let word = words[Int(r)]
                    pairOrder.append(keys[Int(r)])
                    roles |= RoleSet(word.role).rawValue
                    if !word.declaredOnly {
                        plainRoles |= RoleSet(word.role).rawValue
                        if RoleSet.clause.contains(word.role) { clauseOrder.append(keys[Int(r)]) }
                    }
                }
                if present[c] {
                    for r in rows {
                        let second = words[Int(r)].second
                        if second == 0 || Int(secondClass[Int(second)]) == c { add(r) }
                    }
                } else {
                    for r in oneByte { add(r) }
                }
                pairOffsets[base + c + 1] = Int32(pairOrder.count)
                clauseOffsets[base + c + 1] = Int32(clauseOrder.count)
                pairRoles[base + c] = roles
                pairPlainRoles[base + c] = plainRoles
            }
        }
        var second = [UInt32](repeating: 0, count: 256)
        var third = [UInt32](repeating: 0, count: 26 * 26)
        func thirdBit(_ c: UInt8) -> UInt32 { c >= 0x80 ? 1 << 26 : c.isLetter ? 1 << UInt32(c.lowercased - 0x61) : 1 << 27 }
        var lead = [Bool](repeating: false, count: 256)
        for word in words where word.role.startsClause {
            if word.first >= 0x80 {
                lead[Int(word.first)] = true
            } else if word.count > 1 {
                let next = bytes[Int(word.start) + 1]
                let bit: UInt32 = next >= 0x80 ? 1 << 26 : next.isLetter ? 1 << UInt32(next.lowercased - 0x61) : 0
                second[Int(word.first)] |= bit
                second[Int(word.first & ~0x20)] |= bit
                if word.first.isLetter, next.isLetter {
                    let pair = Int(word.first.lowercased - 0x61) * 26 + Int(next.lowercased - 0x61)
                    third[pair] |= word.count > 2 ? thirdBit(bytes[Int(word.start) + 2]) : 1 << 27
                }
            }
        }
        var pairThirds = [UInt32](repeating: 0, count: 128 * 128)
        for c in UInt8(0)..<0x80 where c.isLetter && second[Int(c)] != 0 {
            for next in UInt8(0)..<0x80 where next.isLetter && second[Int(c)] & 1 << UInt32(next.lowercased - 0x61) != 0 {
                pairThirds[Int(c) << 7 | Int(next)] = third[Int(c.lowercased - 0x61) * 26 + Int(next.lowercased - 0x61)]
            }
        }
        /// The second-byte and third-byte bits of the rows `included` takes
        /// that start with an ASCII letter (see `anySecond`, `anyThird`).
        func startBits(_ included: (DependencyWord) -> Bool) -> (second: [UInt32], third: [UInt32]) {
            var anySecond = [UInt32](repeating: 0, count: 256)
            var anyThird = [UInt32](repeating: 0, count: 26 * 26)
            for word in words where word.first.isLetter && included(word) {
                let next = word.count > 1 ? bytes[Int(word.start) + 1] : 0x20
                let bit: UInt32 = word.count > 1 ? thirdBit(next) : 1 << 27
                anySecond[Int(word.first)] |= bit
                anySecond[Int(word.first.lowercased)] |= bit
                anySecond[Int(word.first & ~0x20)] |= bit
                if next.isLetter {
                    let pair = Int(word.first.lowercased - 0x61) * 26 + Int(next.lowercased - 0x61)
                    anyThird[pair] |= word.count > 2 ? thirdBit(bytes[Int(word.start) + 2]) : 1 << 27
                }
            }
            return (anySecond, anyThird)
        }
        let (anySecond, anyThird) = startBits { _ in true }
        let (tokenSecond, tokenThird) = startBits { RoleSet.all.contains($0.role) }
        var phaseNameFirst = [Bool](repeating: false, count: 256)
        var taskWordFirst = [Bool](repeating: false, count: 256)
        for word in words where word.role == .phaseName || word.role == .taskWord || RoleSet.phaseReference.contains(word.role) {
            let firsts = word.first.isLetter ? [word.first.lowercased, word.first & ~0x20] : [word.first]
            for c in firsts {
                if word.role == .taskWord { taskWordFirst[Int(c)] = true } else { phaseNameFirst[Int(c)] = true }
            }
        }
        // A byte whose only row is a one-byte symbol that needs nothing around
        // it: `match` of any roles holding that row's role finds it, ending one
        // byte on, wherever it stands (the lexer takes it without the lookup).
        var singleSymbol = [Int32](repeating: -1, count: 256)
        for c in 0..<0x80 where offsets[c + 1] - offsets[c] == 1 {
            let row = order[Int(offsets[c])]
            let word = words[Int(row)]
            guard word.count == 1, word.first == UInt8(c), UInt8(c).lowercased == UInt8(c), word.symbol, !word.needsBlankAfter,
                word.last != UInt8(ascii: "-"), !word.declaredOnly, !word.stem, !UInt8(c).isWhitespace
            else { continue }
            singleSymbol[c] = row
        }
        return Storage(
            bytes: immortal(bytes), words: immortal(words), offsets: immortal(offsets),
            pairOffsets: immortal(pairOffsets), pairOrder: immortal(pairOrder), secondClass: immortal(secondClass),
            pairWidth: classCount, pairRoles: immortal(pairRoles), pairPlainRoles: immortal(pairPlainRoles),
            clauseOffsets: immortal(clauseOffsets), clauseOrder: immortal(clauseOrder), clauseRoles: RoleSet.clause.rawValue,
            phaseItemRoles: RoleSet.phaseReference.rawValue | RoleSet(.phaseName).rawValue,
            secondLetters: immortal(second), pairThirds: immortal(pairThirds), leadBytes: immortal(lead),
            anySecond: immortal(anySecond), anyThird: immortal(anyThird), tokenSecond: immortal(tokenSecond),
            tokenThird: immortal(tokenThird), phaseNameFirst: immortal(phaseNameFirst),
            taskWordFirst: immortal(taskWordFirst), singleSymbol: immortal(singleSymbol))
    }()

    /// Where the first word of `roles` starts in `lo..<hi` (at a word start, or
    /// at any character of a non-ASCII script), or nil: the prefilter that keeps
    /// most texts from being lexed.
    /// - Complexity: O(hi - lo), one table load per word.
    static func firstWordStart(_ b: Bytes, _ lo: Int, _ hi: Int, roles: RoleSet, declared: Bool) -> Int? {
        var k = lo
        guard k < hi else { return nil }
        // Both from the one pointer: one lazy-initialisation check, not two.
        let tables = Tables.current
        let starts = ClauseStarts(secondLetters: tables.storage.pointee.secondLetters, pairThirds: tables.storage.pointee.pairThirds)
        // The candidates, eight bytes at a time: an ASCII letter that starts a
        // word (no word byte before it), and the first byte of a character of
        // another script. `carry`: whether the byte before the chunk is a word
        // byte (none before `lo`).
        var carry: UInt64 = 0
        while k < hi {
            let chunk = ByteChunk(tail: b, k, hi)
            let word = chunk.wordBytes
            var candidates = chunk.letters & ~(word << 8 | carry) | chunk.leadBytes
            carry = word >> 56 & 0x80
            while candidates != 0 {
                let i = k + ByteChunk.firstOffset(candidates)
                candidates &= candidates - 1
                let c = b[i]
                let possible = c >= 0xC0 ? isLeadByte(c, tables) : mayStart(b, i, hi, starts)
                if possible, match(b, i, lo, hi, roles: roles, declared: declared, tables) != nil { return i }
            }
            k += 8
        }
        return nil
    }

    /// The row of `c` when `c` is a one-byte symbol that is the only row
    /// starting with it and needs nothing around it (`,` `/` `(` `)` `:` `;`):
    /// `match` at such a byte, of any roles that hold the row's role, returns
    /// this row, ending one byte on. Nil for every other byte.
    @inline(__always) static func singleByteSymbol(_ c: UInt8, _ tables: Tables = .current) -> DependencyWord? {
        let row = tables.storage.pointee.singleSymbol[Int(c)]
        return row < 0 ? nil : tables.storage.pointee.words[Int(row)]
    }

    /// Whether some row of the table starts with the byte `c` (any case).
    @inline(__always) static func hasRows(startingWith c: UInt8, _ tables: Tables = .current) -> Bool {
        let table = tables.storage
        let first = Int(c.lowercased)
        return table.pointee.offsets[first] < table.pointee.offsets[first + 1]
    }

    /// Whether any row of the table may start at `k`, an ASCII letter, from
    /// its first three bytes; with `tokens`, any row that makes a token
    /// (`RoleSet.all`: what the lexer asks `match` for).
    @inline(__always) static func mayStartAnyWord(_ b: Bytes, _ k: Int, _ hi: Int, _ tables: Tables = .current, tokens: Bool = false) -> Bool {
        let table = tables.storage
        let seconds = tokens ? table.pointee.tokenSecond : table.pointee.anySecond
        let bits = seconds[Int(b[k])]
        guard bits != 0 else { return false }
        guard k + 1 < hi else { return bits & (1 << 27) != 0 }
        let n = b[k + 1]
        let bit: UInt32 = n >= 0x80 ? 1 << 26 : n.isLetter ? 1 << UInt32(n.lowercased - 0x61) : 1 << 27
        guard bits & bit != 0 else { return false }
        guard n.isLetter else { return true }
        let thirds = (tokens ? table.pointee.tokenThird : table.pointee.anyThird)[Int(b[k].lowercased - 0x61) * 26 + Int(n.lowercased - 0x61)]
        guard k + 2 < hi else { return thirds & (1 << 27) != 0 }
        let t = b[k + 2]
        let third: UInt32 = t >= 0x80 ? 1 << 26 : t.isLetter ? 1 << UInt32(t.lowercased - 0x61) : 1 << 27
        return thirds & third != 0
    }

    /// Whether a phase name, phase word, story word or all-stories phrase of the table may start with the byte `c`.
    @inline(__always) static func mayStartPhaseName(_ c: UInt8, _ tables: Tables = .current) -> Bool {
        tables.storage.pointee.phaseNameFirst[Int(c)]
    }

    /// Whether a phase name, phase word, story word or all-stories phrase of
    /// the table may start at `k`, from its first two bytes (what `match` looks at first).
    @inline(__always) static func mayStartPhaseItem(_ b: Bytes, _ k: Int, _ hi: Int, _ tables: Tables = .current) -> Bool {
        let table = tables.storage
        let first = Int(b[k].lowercased)
        let second = k + 1 < hi ? b[k + 1].lowercased : 0
        let pair = first * table.pointee.pairWidth + Int(table.pointee.secondClass[Int(second)])
        return table.pointee.pairRoles[pair] & table.pointee.phaseItemRoles != 0
    }

    /// Whether a task word of the table may start with the byte `c` (any case).
    @inline(__always) static func mayStartTaskWord(_ c: UInt8, _ tables: Tables = .current) -> Bool {
        tables.storage.pointee.taskWordFirst[Int(c)]
    }

    /// The end of a phase name at `k` (`Setup`, `Fundacional`, `Настройка`,
    /// `基盤`), written with a capital as authors name phases (a lowercase
    /// `setup` is a plain word), or nil.
    static func phaseNameEnd(_ b: Bytes, _ k: Int, _ hi: Int) -> Int? {
        guard k < hi, mayStartPhaseName(b[k]) else { return nil }
        let c = b[k]
        let capital = c.isUpper || c >= 0xE0
            || (k + 1 < hi && (c == 0xD0 && b[k + 1] >= 0x90 && b[k + 1] <= 0xAF || c == 0xC3 && b[k + 1] >= 0x80 && b[k + 1] <= 0x9E))
        guard capital else { return nil }
        return match(b, k, k, hi, roles: RoleSet(.phaseName), declared: true)?.end
    }

    /// The end of the word of a worded ID at `k` (`Task`, `任务`, `Задача`), or nil.
    static func taskWordEnd(_ b: Bytes, _ k: Int, _ hi: Int) -> Int? {
        guard k < hi, mayStartTaskWord(b[k]) else { return nil }
        return match(b, k, k, hi, roles: RoleSet(.taskWord), declared: true)?.end
    }

    /// Whether `lo..<hi` (a heading's text) holds a word that names a
    /// Dependencies section (`Dependencies`, `Execution Order`, `依存関係`).
    /// - Complexity: O(hi - lo) table lookups at word starts.
    static func namesDependencySection(_ b: Bytes, _ lo: Int, _ hi: Int) -> Bool {
        var k = lo
        while k < hi {
            if startsWord(b, k, lo) || b[k] >= 0xE0, b[k] & 0xC0 != 0x80,
                match(b, k, lo, hi, roles: RoleSet(.sectionHeading), declared: true) != nil
            {
                return true
            }
            k += 1
        }
        return false
    }

    /// Whether the ordering word at `k` is one that a subject takes as its verb
    /// (`depends on`, `requires`, `依赖`): after an item it starts a clause.
    static func isSubjectVerb(_ b: Bytes, _ k: Int, _ hi: Int) -> Bool {
        match(b, k, k, hi, roles: .ordering, declared: true)?.word.subjectVerb ?? false
    }

    /// Whether the ASCII letter `c` may start a clause word (or is `e`, for estimates), for `textTriggers`.
    static func mayStartWord(_ c: UInt8) -> Bool { storage.secondLetters[Int(c)] != 0 }

    /// Whether `c` is the first byte of a clause word in another script (`依`, `並`, `п`, `의`), for `textTriggers`.
    @inline(__always) static func isLeadByte(_ c: UInt8, _ tables: Tables = .current) -> Bool {
        tables.storage.pointee.leadBytes[Int(c)]
    }

    /// The tables of `mayStart`, for a caller that asks for many words (one
    /// lazy-initialisation check instead of one per word).
    struct ClauseStarts {
        fileprivate let secondLetters: UnsafeBufferPointer<UInt32>
        fileprivate let pairThirds: UnsafeBufferPointer<UInt32>
    }

    static var clauseStarts: ClauseStarts { ClauseStarts(secondLetters: storage.secondLetters, pairThirds: storage.pairThirds) }

    /// Whether a clause word may start at `k`, an ASCII letter, from its first three bytes.
    @inline(__always) static func mayStart(_ b: Bytes, _ k: Int, _ hi: Int) -> Bool {
        mayStart(b, k, hi, clauseStarts)
    }

    @inline(__always) static func mayStart(_ b: Bytes, _ k: Int, _ hi: Int, _ table: ClauseStarts) -> Bool {
        guard k + 1 < hi else { return false }
        let c = b[k], next = b[k + 1]
        guard c < 0x80 else { return false }
        if next >= 0x80 { return table.secondLetters[Int(c)] & (1 << 26) != 0 }
        // The second letter's test and the third letters in one load.
        let thirds = table.pairThirds[Int(c) << 7 | Int(next)]
        guard thirds != 0 else { return false }
        guard k + 2 < hi else { return thirds & (1 << 27) != 0 }
        let t = b[k + 2]
        let bit: UInt32 = t >= 0x80 ? 1 << 26 : t.isLetter ? 1 << UInt32(t.lowercased - 0x61) : 1 << 27
        return thirds & bit != 0
    }

    /// The word of the vocabulary at `k` (within `lo..<hi`) whose role is one
    /// of `roles`, longest first, and where it ends.
    ///
    /// A word made of ASCII letters must start and end at word boundaries; a
    /// word in an alphabetic script (Cyrillic, accented Latin) must not sit
    /// inside a longer word of that script; CJK words need no boundary. A
    /// stem takes the rest of its word (`Зависимост|и`).
    ///
    /// The clause words of a task's text (`roles: .clause`, not `declared`)
    /// are looked up among those rows only (`Storage.clauseOrder`): the rows
    /// left out are the ones the loop would skip. `onlyClauseRows: false`
    /// looks through every row (tests compare the two).
    /// - Complexity: O(words starting with the byte at `k` · their length).
    static func match(
        _ b: Bytes, _ k: Int, _ lo: Int, _ hi: Int, roles: RoleSet, declared: Bool, onlyClauseRows: Bool = true,
        _ tables: Tables = .current
    ) -> (word: DependencyWord, end: Int)? {
        guard k < hi else { return nil }
        let table = tables.storage
        let first = Int(b[k].lowercased)
        guard table.pointee.offsets[first] < table.pointee.offsets[first + 1] else { return nil }
        let second = k + 1 < hi ? b[k + 1].lowercased : 0
        // Only the rows whose second byte fits (or that have none).
        let pair = first * table.pointee.pairWidth + Int(table.pointee.secondClass[Int(second)])
        guard (declared ? table.pointee.pairRoles[pair] : table.pointee.pairPlainRoles[pair]) & roles.rawValue != 0 else { return nil }
        let wordStart = startsWord(b, k, lo)
        let clauseRows = onlyClauseRows && roles.rawValue == table.pointee.clauseRoles && !declared
        let offsets = clauseRows ? table.pointee.clauseOffsets : table.pointee.pairOffsets
        let order = clauseRows ? table.pointee.clauseOrder : table.pointee.pairOrder
        let text = lowercasedPrefix(b, k, hi)
        for i in Int(offsets[pair])..<Int(offsets[pair + 1]) {
            // The row's role and its bytes before a space rule out most rows.
            let key = order[i]
            guard key.roles & roles.rawValue != 0, text & key.mask == key.prefix else { continue }
            let word = table.pointee.words[Int(key.word)]
            // The bytes under the mask are the row's first ones, spaces before them none: compared already.
            let verified = (64 - key.mask.leadingZeroBitCount) >> 3
            guard declared || !word.declaredOnly, wordStart || word.symbol,
                let e = matchBytes(table.pointee.bytes, Int(word.start) + verified, Int(word.count) - verified, b, k + verified, hi)
            else {
                continue
            }
            if word.symbol {
                // `-` and `<-` never stop inside a longer dash (`T001->T002` is no range).
                if word.last == UInt8(ascii: "-"), e < hi, b[e] == UInt8(ascii: "-") || b[e] == UInt8(ascii: ">") { continue }
                if word.needsBlankAfter, e < hi, !b[e].isWhitespace { continue }
                return (word, e)
            }
            if word.stem {
                var end = e
                while end < hi {
                    if b[end].isLetter {
                        end += 1
                    } else if b[end] >= 0xC3, b[end] < 0xE0, end + 1 < hi {
                        end += 2
                    } else {
                        break
                    }
                }
                return (word, end)
            }
            if word.needsBlankAfter, !standsAlone(b, k, e, lo, hi) { continue }
            if endsWord(b, e, hi, last: word.last) { return (word, e) }
        }
        return nil
    }

    /// Whether the word at `k..<e` is glued to no letter of another script:
    /// an ASCII byte or the text's edge before it, and a blank, an ASCII mark,
    /// a full-width mark (`，`, `、`, `）`) or the end after it.
    private static func standsAlone(_ b: Bytes, _ k: Int, _ e: Int, _ lo: Int, _ hi: Int) -> Bool {
        guard k == lo || b[k - 1] < 0x80 else { return false }
        guard e < hi else { return true }
        let next = b[e]
        if next < 0x80 { return !next.isWordByte }
        guard e + 1 < hi else { return false }
        return next == 0xEF && b[e + 1] == 0xBC || next == 0xE3 && b[e + 1] == 0x80
    }

    /// Whether a word may start at `k`: not after a letter of the same kind.
    @inline(__always) static func startsWord(_ b: Bytes, _ k: Int, _ lo: Int) -> Bool {
        guard k > lo else { return true }
        let c = b[k]
        let before = b[k - 1]
        if c < 0x80 { return !before.isWordByte && !(before >= 0x80 && before < 0xC0 && isAlphabeticBefore(b, k, lo)) }
        if c >= 0xE0 { return true }  // CJK, Hangul: no spaces between words
        // Cyrillic, accented Latin: not inside a longer word.
        return !before.isWordByte && !(before >= 0x80 && isAlphabeticBefore(b, k, lo))
    }

    /// Whether the character ending right before `k` is a two-byte letter (Latin, Cyrillic).
    private static func isAlphabeticBefore(_ b: Bytes, _ k: Int, _ lo: Int) -> Bool {
        k - 2 >= lo && b[k - 2] >= 0xC3 && b[k - 2] < 0xE0
    }

    @inline(__always) static func endsWord(_ b: Bytes, _ e: Int, _ hi: Int, last: UInt8) -> Bool {
        guard e < hi else { return true }
        let next = b[e]
        if last < 0x80 {
            // A pattern ending in punctuation (`n/a`, `、`) needs no boundary.
            guard last.isWordByte else { return true }
            return !next.isWordByte && !(next >= 0xC3 && next < 0xE0)
        }
        // The last byte of a CJK / Hangul character: no boundary needed.
        if e >= 3, b[e - 3] >= 0xE0 { return true }
        return !next.isWordByte && !(next >= 0xC3 && next < 0xE0)
    }

    /// Where the word `table[start..<start + count]` ends when it starts at `k`, or nil.
    @inline(__always) static func matchBytes(_ table: UnsafeBufferPointer<UInt8>, _ start: Int, _ count: Int, _ b: Bytes, _ k: Int, _ hi: Int) -> Int? {
        var j = k
        for i in start..<start + count {
            let p = table[i]
            if p == 0x20 {
                guard j < hi, b[j].isWhitespace else { return nil }
                while j < hi, b[j].isWhitespace { j += 1 }
            } else {
                guard j < hi, b[j].lowercased == p else { return nil }
                j += 1
            }
        }
        return j
    }
}

extension DependencyRole {
    /// Roles that open a clause in a task's text (and so make the text worth scanning).
    var startsClause: Bool {
        switch self {
        case .after, .blocks, .before, .parallel, .independent: true
        case .negation, .none, .filler, .and, .range, .arrow, .arrowBack, .sentenceEnd, .open, .close, .colon, .connector,
            .eachOther, .otherStories, .viceVersa, .quantifier, .helper, .phaseName, .taskWord,
            .sectionHeading, .phaseWord, .storyWord, .allStories, .teamWord:
            false
        }
    }
}

extension ByteChunk {
    /// `ByteChunk(b, k, hi)` (the bytes `k..<min(k + 8, hi)`, zeros after
    /// `hi`) in one load when the buffer holds eight bytes from `k`, the last
    /// chunk of a text that does not end the buffer included: the bytes
    /// after `hi` are masked off, not read one at a time.
    @inline(__always) init(tail b: Bytes, _ k: Int, _ hi: Int) {
        let n = hi - k
        if n < 8, k + 8 <= b.count, let base = b.baseAddress {
            let v = UInt64(littleEndian: UnsafeRawPointer(base + k).loadUnaligned(as: UInt64.self))
            self.init(bytes: v & (UInt64(1) << UInt64(8 * max(n, 0)) &- 1))
        } else {
            self.init(b, k, hi)
        }
    }

    @inline(__always) private init(bytes: UInt64) { self.bytes = bytes }
}

/// A set of roles, to ask the vocabulary for words of some roles only.
struct RoleSet: OptionSet, Sendable {
    let rawValue: UInt32
    init(rawValue: UInt32) { self.rawValue = rawValue }
    init(_ roles: DependencyRole...) { rawValue = roles.reduce(0) { $0 | 1 << UInt32($1.rawValue) } }
    /// One role: no array of roles to build (the lexer asks for one role at a time, often).
    @inline(__always) init(_ role: DependencyRole) { rawValue = 1 << UInt32(role.rawValue) }
    @inline(__always) func contains(_ role: DependencyRole) -> Bool { rawValue & 1 << UInt32(role.rawValue) != 0 }

    // Computed from single roles (constants once inlined): a `static let` made
    // with the variadic initialiser is a lazily initialised global, checked
    // at every use.
    /// Words that order tasks: `after`, `blocks`, `before`.
    @inline(__always) static var ordering: RoleSet { RoleSet(.after).union(RoleSet(.blocks)).union(RoleSet(.before)) }
    /// Words that say tasks run together.
    @inline(__always) static var together: RoleSet { RoleSet(.parallel).union(RoleSet(.independent)) }
    /// Every word that opens a clause.
    @inline(__always) static var clause: RoleSet { ordering.union(together) }
    /// Words and arrows that state an order or parallel work.
    @inline(__always) static var statesOrder: RoleSet { clause.union(RoleSet(.arrow)).union(RoleSet(.arrowBack)) }
    /// Words that start a phase reference: `Phase 2`, `User Story 3`, `all stories`.
    @inline(__always) static var phaseReference: RoleSet {
        RoleSet(.phaseWord).union(RoleSet(.storyWord)).union(RoleSet(.allStories))
    }
    /// Every row of the vocabulary that makes a token: what the lexer asks
    /// for (the clause layer's own words, `connector` and after, make none).
    @inline(__always) static var all: RoleSet { RoleSet(rawValue: 1 << 16 - 1) }
}
