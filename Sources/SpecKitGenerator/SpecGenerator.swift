/// Writes synthetic spec-kit `tasks.md` documents.
public enum SpecGenerator {}
