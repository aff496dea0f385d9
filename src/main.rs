//! The `staffplan` binary: everything lives in the library, and `cli::main` turns its outcome
//! into the exit code.

use std::process::ExitCode;

fn main() -> ExitCode {
    staffplan::cli::main()
}
