//! StartUp Dating: founder profiles and their file and share code, the organiser's event
//! (profiles, settings, teams, pitch order and votes), and team matching.

pub mod event;
pub mod matching;
pub mod pitch;
pub mod profile;
