//! staffplan: how many people an organisation needs, where, and what happens without them.
//!
//! Data flows one way: [`scenario`] (the only module that knows TOML) builds a validated
//! [`model::Scenario`]; [`analysis`] computes the weighted caseload; [`optimise`] recommends
//! posts and coverage; [`simulate`] runs the year many times; [`export`], [`chart`] and
//! [`report`] turn results into text and files; [`cli`] drives it all. See ARCHITECTURE.md.

pub mod analysis;
pub mod benchmark;
pub mod chart;
pub mod cli;
pub mod error;
pub mod export;
pub mod model;
pub mod multiyear;
pub mod optimise;
pub mod pipeline;
pub mod queueing;
pub mod report;
pub mod request;
pub mod scenario;
pub mod sensitivity;
pub mod service;
pub mod simulate;
pub mod starter;
pub mod synth;
