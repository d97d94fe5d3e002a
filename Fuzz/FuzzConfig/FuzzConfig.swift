import FuzzSupport
import GlossTUI

/// The config parser (TOML, then Gloss's own checks of every section) on any text.
///
/// Input: the config file's bytes; like the loader, invalid UTF-8 is refused before parsing.
/// Checked: nothing traps; a config either parses or gives an error whose message names the file;
/// parsing is deterministic; a parsed config's keymap answers for every mode.
func fuzzConfig(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    var input = FuzzInput(data: data, size: size)
    guard let text = String(validating: input.rest(), as: UTF8.self) else { return 0 }
    let file = "/fuzz/config.toml"
    let first: Result<GlossConfig, ConfigError> = Result { () throws(ConfigError) in try ConfigLoader.parse(text, file: file) }
    switch first {
    case .success(let config):
        let again = Result { () throws(ConfigError) in try ConfigLoader.parse(text, file: file) }
        FuzzCheck.expect(again == .success(config), "the same text parsed to a different config")
        for mode in Mode.allCases {
            for key in [Key.char("j"), .char("q"), .enter, .escape, .ctrl("d"), .char(" "), .function(1)] {
                _ = config.keymap.action(for: key, in: mode)
            }
        }
    case .failure(let error):
        let message = error.description
        FuzzCheck.expect(!message.isEmpty, "an empty error message")
        FuzzCheck.expect(message.contains(file), "the error does not name the file: \(message)")
    }
    return 0
}
