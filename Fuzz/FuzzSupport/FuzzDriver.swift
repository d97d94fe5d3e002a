import CLibFuzzer

#if canImport(Glibc)
import Glibc
#endif

/// Starts libFuzzer on a fuzz target, passing it the command line (corpus directories and
/// libFuzzer options such as `-max_total_time=60`), and exits with libFuzzer's status.
///
/// SwiftPM links every Swift executable with a `main` of its own (it renames the entry point so
/// tests can link executables), so libFuzzer's `main` cannot be used; `LLVMFuzzerRunDriver` is
/// libFuzzer's documented entry for that case.
public enum FuzzDriver {
    public typealias TestOneInput = @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt

    public static func run(_ test: TestOneInput) -> Never {
        var argc = CommandLine.argc
        var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
        exit(LLVMFuzzerRunDriver(&argc, &argv, test))
    }
}
