import Testing

@testable import StackPlanCore

/// A release cycle from text; records an issue (and returns 0.0) when the text is malformed.
func cycle(_ text: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> VersionNumber {
    guard let value = VersionNumber(cycle: text) else {
        Issue.record("'\(text)' is not a cycle", sourceLocation: sourceLocation)
        return VersionNumber(parts: [0, 0])
    }
    return value
}

/// A date from text; records an issue (and returns 1970-01-01) when the text is malformed.
func day(_ text: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> CalendarDay {
    guard let value = CalendarDay(text) else {
        Issue.record("'\(text)' is not a date", sourceLocation: sourceLocation)
        return CalendarDay(dayNumber: 0)
    }
    return value
}
