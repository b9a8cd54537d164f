import OrchestratorCore
import Testing

struct TimestampTests {
    @Test(arguments: [
        (Int64(0), "1970-01-01T00:00:00.000Z"),
        (1_795_251_600_000, "2026-11-21T09:00:00.000Z"),
        (951_782_400_123, "2000-02-29T00:00:00.123Z"),
        (-1, "1969-12-31T23:59:59.999Z"),
        (253_402_300_799_999, "9999-12-31T23:59:59.999Z"),
        (-62_167_219_200_000, "0000-01-01T00:00:00.000Z"),
    ])
    func formatsAndParsesISO8601(milliseconds: Int64, text: String) {
        let moment = Timestamp(millisecondsSince1970: milliseconds)
        #expect(moment.description == text)
        #expect(Timestamp(iso8601: text) == moment)
    }

    /// Past the four-digit years the text is still the moment's, only longer (and not read back).
    @Test func yearsBeyondFourDigitsAreWrittenInFull() {
        #expect(Timestamp(millisecondsSince1970: 253_402_300_800_000).description == "10000-01-01T00:00:00.000Z")
    }

    /// Random moments from 1589 to 9999 read back as themselves.
    @Test func randomMomentsRoundTrip() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<20_000 {
            let milliseconds = Int64.random(in: -12_000_000_000_000...253_402_300_799_999, using: &generator)
            let moment = Timestamp(millisecondsSince1970: milliseconds)
            #expect(moment.description.utf8.count == 24)
            #expect(Timestamp(iso8601: moment.description) == moment, "\(milliseconds)")
        }
    }

    @Test(arguments: [
        "", "2026-11-21", "2026-13-01T00:00:00.000Z", "2026-11-21T09:00:00Z", "2026-11-21T09:00:00.000+01:00",
    ])
    func rejectsOtherForms(text: String) {
        #expect(Timestamp(iso8601: text) == nil)
    }
}
