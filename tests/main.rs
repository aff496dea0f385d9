//! The one integration-test binary: every test file under `tests/` is a module of it, so that
//! the library and the binary are linked into one test executable instead of eleven. The tidy
//! test checks that no test file is left out of this list.

mod analysis;
mod benchmark;
mod chart;
mod cli;
mod optimise;
mod pack;
mod plan;
mod robustness;
mod sensitivity;
mod service;
mod simulate;
