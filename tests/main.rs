//! The one integration-test binary: every test file under `tests/` is a module of it, so that
//! the library and the binary are linked into one test executable instead of eleven. The tidy
//! test checks that no test file is left out of this list.

// A test states its failure by panicking.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

/// A scenario parsed from text and the 8-hour test calendar, for the library tests.
#[path = "common/scenario.rs"]
mod common;
/// Every token of the format, for the robustness tests.
#[path = "common/tokens.rs"]
mod tokens;

mod analysis;
mod benchmark;
mod chart;
mod cli;
mod documents;
mod optimise;
mod pack;
mod plan;
mod request;
mod risk;
mod robustness;
mod sensitivity;
mod service;
mod simulate;
mod steady;
mod tables;
mod tidy;
mod wisn;
mod workbook;
