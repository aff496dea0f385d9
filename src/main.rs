use std::process::ExitCode;

fn main() -> ExitCode {
    staffplan::cli::main()
}
