import OrchestratorCore
import Testing

struct TimestampTests {
    @Test(arguments: [
        (Int64(0), "1970-01-01T00:00:00.000Z"),
        (1_795_251_600_000, "2026-11-21T09:00:00.000Z"),
        (951_782_400_123, "2000-02-29T00:00:00.123Z"),
        (-1, "1969-12-31T23:59:59.999Z"),
    ])
    func formatsAndParsesISO8601(milliseconds: Int64, text: String) {
        let moment = Timestamp(millisecondsSince1970: milliseconds)
        #expect(moment.description == text)
        #expect(Timestamp(iso8601: text) == moment)
    }

    @Test(arguments: [
        "", "2026-11-21", "2026-13-01T00:00:00.000Z", "2026-11-21T09:00:00Z", "2026-11-21T09:00:00.000+01:00",
    ])
    func rejectsOtherForms(text: String) {
        #expect(Timestamp(iso8601: text) == nil)
    }
}
