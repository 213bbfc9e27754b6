import ArgumentParser

/// Output for people or for scripts.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}
