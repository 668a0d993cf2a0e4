//! Team projects on a challenge (`project:<random id>` work): starting one as a team, phase
//! progress, the idea funnel, the VØL chart, the project book, the competition entry, the
//! project file that carries a project to another device, and host briefs that become
//! spin-in challenges. All of it pure functions over `Challenge` and `Work`, tested natively.
//!
//! A project keeps everything in its work item: answers under the challenge's step ids (so
//! the ordinary player plays it), and what belongs to the project itself under keys no
//! content id can take (they start with `_`) or as props.

pub mod book;
pub mod entry;
pub mod file;
pub mod funnel;
pub mod host_brief;
pub mod vol;

use super::content::{Challenge, Step};
use super::progress::work_ref::{PROP_BRIEF, PROP_CHALLENGE, PROP_MEMBERS, PROP_TEAM};
use super::progress::{Millis, Progress, Work, WorkKind, WorkRef};

/// The idea the team chose, as they last wrote it.
pub const PROP_IDEA: &str = "idea";
/// When the team started (milliseconds, as text).
pub const PROP_STARTED: &str = "started";
/// When the entry was made final (milliseconds, as text); empty when reopened.
pub const PROP_ENTRY_FINAL: &str = "entry_final";
/// An edited entry part: `entry:<step id>`.
pub const ENTRY_PROP_PREFIX: &str = "entry:";
/// The team's self-assessment against the challenge's criteria (a rubric answer).
pub const CRITERIA_KEY: &str = "_criteria";

/// The longest team name kept.
pub const MAX_TEAM_NAME: usize = 40;
/// The most members a team has.
pub const MAX_MEMBERS: usize = 10;
const MAX_FIRST_NAME: usize = 24;

/// Where a project's challenge comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ChallengeSource {
    /// A challenge file in the content folder.
    Content(String),
    /// A challenge made on this device from a host brief (`brief:<id>` work).
    Brief(String),
}

/// Members' first names from what was typed: names are separated by commas, semicolons or
/// line breaks; only the first word of each is kept (first names only — the team's work
/// may be printed and shared), without digits or symbols; duplicates and blanks dropped.
/// The flag says whether anything was left out, so the form can tell the team.
pub fn normalise_members(input: &str) -> (Vec<String>, bool) {
    let mut out: Vec<String> = Vec::new();
    let mut cut = false;
    for part in input.split([',', ';', '\n']) {
        let mut words = part.split_whitespace();
        let Some(first) = words.next() else { continue };
        cut |= words.next().is_some();
        let name: String = first
            .chars()
            .filter(|c| c.is_alphabetic() || *c == '-' || *c == '\'')
            .take(MAX_FIRST_NAME)
            .collect();
        let name = name.trim_matches(|c| c == '-' || c == '\'').to_string();
        cut |= name.chars().count() != first.chars().count();
        if name.is_empty() {
            continue;
        }
        if out.iter().any(|n| n.to_lowercase() == name.to_lowercase()) {
            continue;
        }
        if out.len() == MAX_MEMBERS {
            cut = true;
            break;
        }
        out.push(name);
    }
    (out, cut)
}

/// A team name as kept: trimmed, inner whitespace collapsed, at most [`MAX_TEAM_NAME`]
/// characters.
pub fn normalise_team_name(input: &str) -> String {
    input
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .chars()
        .take(MAX_TEAM_NAME)
        .collect()
}

/// The members saved in a project.
pub fn members(work: Option<&Work>) -> Vec<String> {
    work.and_then(|w| w.prop(PROP_MEMBERS))
        .map(|m| normalise_members(m).0)
        .unwrap_or_default()
}

pub fn team_name(work: Option<&Work>) -> String {
    work.and_then(|w| w.prop(PROP_TEAM))
        .unwrap_or_default()
        .to_string()
}

/// Starts project `r` on `challenge` for a team. Returns false (and changes nothing) when
/// the team has no name or no member.
pub fn start_project(
    p: &mut Progress,
    r: &WorkRef,
    challenge: &ChallengeSource,
    team: &str,
    members: &[String],
    now: Millis,
) -> bool {
    let team = normalise_team_name(team);
    if team.is_empty() || members.is_empty() || r.kind != WorkKind::Project {
        return false;
    }
    match challenge {
        ChallengeSource::Content(id) => p.set_prop(r, PROP_CHALLENGE, id, now),
        ChallengeSource::Brief(id) => p.set_prop(r, PROP_BRIEF, id, now),
    };
    p.set_prop(r, PROP_TEAM, &team, now);
    p.set_prop(r, PROP_MEMBERS, &members.join(", "), now);
    p.set_prop(r, PROP_STARTED, &now.to_string(), now);
    true
}

/// The challenge a project follows.
pub fn source_of(work: Option<&Work>) -> Option<ChallengeSource> {
    let w = work?;
    if let Some(b) = w.prop(PROP_BRIEF).filter(|b| !b.is_empty()) {
        return Some(ChallengeSource::Brief(b.to_string()));
    }
    w.prop(PROP_CHALLENGE)
        .filter(|c| !c.is_empty())
        .map(|c| ChallengeSource::Content(c.to_string()))
}

/// When the project was started.
pub fn started(work: Option<&Work>) -> Option<Millis> {
    work?.prop(PROP_STARTED)?.parse().ok()
}

/// The team projects on this device, newest first: (project, team name, last change).
/// `on` keeps those on one challenge.
pub fn projects(p: &Progress, on: Option<&ChallengeSource>) -> Vec<(WorkRef, String, Millis)> {
    let mut list: Vec<(WorkRef, String, Millis)> = p
        .live_work()
        .filter(|(r, _)| r.kind == WorkKind::Project)
        .filter(|(_, w)| on.is_none_or(|c| source_of(Some(w)).as_ref() == Some(c)))
        .map(|(r, w)| (r, team_name(Some(w)), w.updated))
        .collect();
    crate::core::sort::sort_by_key(&mut list, |(_, _, updated)| std::cmp::Reverse(*updated));
    list
}

/// A date as `YYYY-MM-DD` (UTC), for files and printouts made in the core.
pub fn iso_date(ms: Millis) -> String {
    use chrono::Datelike;
    chrono::DateTime::from_timestamp_millis(ms)
        .map(|d| format!("{}-{:02}-{:02}", d.year(), d.month(), d.day()))
        .unwrap_or_default()
}

/// How far a team is in one phase.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PhaseProgress {
    /// Steps that take an answer and have one.
    pub answered: usize,
    /// Steps that take an answer (every type but `read`).
    pub tasks: usize,
}

impl PhaseProgress {
    pub fn done(&self) -> bool {
        self.answered >= self.tasks
    }
}

/// Progress per phase, in order.
pub fn phase_progress(challenge: &Challenge, work: Option<&Work>) -> Vec<PhaseProgress> {
    challenge
        .phases
        .iter()
        .map(|phase| {
            let tasks: Vec<&str> = phase
                .steps
                .iter()
                .filter_map(|s| s.ready())
                .filter(|s| !matches!(s, Step::Read(_)))
                .map(|s| s.id().as_str())
                .collect();
            let answered = tasks
                .iter()
                .filter(|id| {
                    work.and_then(|w| w.answer(id))
                        .is_some_and(|a| a.is_meaningful())
                })
                .count();
            PhaseProgress {
                answered,
                tasks: tasks.len(),
            }
        })
        .collect()
}

/// The step to resume at: where the team left off, else the first step of the first phase
/// with an open task, else the first step.
pub fn resume_step(challenge: &Challenge, work: Option<&Work>) -> Option<String> {
    let exists = |id: &str| challenge.steps().any(|s| s.id() == Some(id));
    if let Some(at) = work
        .and_then(|w| w.at_step.as_deref())
        .filter(|s| exists(s))
    {
        return Some(at.to_string());
    }
    let progress = phase_progress(challenge, work);
    let phase = progress
        .iter()
        .position(|p| !p.done())
        .and_then(|i| challenge.phases.get(i))
        .or(challenge.phases.first())?;
    phase.steps.iter().find_map(|s| s.id()).map(String::from)
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::core::content::load::parse_json;
    use crate::core::progress::Answer;

    /// A small challenge: discover (read, prompt) → ideas (brainstorm, vote, prompt) →
    /// present (pitch), with criteria and an entry.
    pub const CHALLENGE: &str = r#"{
        "id": "by", "title": {"da": "Vores by", "en": "Our town"}, "format": "edison",
        "levels": ["mellemtrin"], "theme": {"da": "Vores by i fremtiden", "en": "Our town in the future"},
        "host": {"name": "Kommunen (fiktiv)", "kind": "public"},
        "phases": [
          {"id": "discover", "title": {"da": "Opdag", "en": "Discover"}, "minutes": 90,
           "materials": ["Post-its"],
           "steps": [
             {"type": "read", "id": "intro", "body": "Hej"},
             {"type": "prompt", "id": "problem", "question": {"da": "Hvilket problem?", "en": "Which problem?"}}]},
          {"id": "ideas", "title": {"da": "Idéer", "en": "Ideas"}, "minutes": 60,
           "steps": [
             {"type": "brainstorm", "id": "ideer", "question": "Idéer?"},
             {"type": "vote", "id": "stem", "from": "ideer"},
             {"type": "prompt", "id": "ide", "question": "Beskriv idéen"}]},
          {"id": "present", "title": {"da": "Præsentér", "en": "Present"},
           "steps": [
             {"type": "prompt", "id": "prototype", "question": "Prototypen?"},
             {"type": "pitch", "id": "pitch", "seconds": 60, "sections": ["Problem", "Idé", "Spørgsmål"]}]}
        ],
        "criteria": [
          {"id": "idea", "title": {"da": "Idé", "en": "Idea"}, "description": {"da": "Er den ny?", "en": "Is it new?"}},
          {"id": "pitch", "title": "Pitch"}],
        "entry": [
          {"title": {"da": "Problemet", "en": "The problem"}, "from": "problem"},
          {"title": {"da": "Prototypen", "en": "The prototype"}, "from": "prototype"},
          {"title": "Pitch", "from": "pitch"}]
    }"#;

    pub fn challenge() -> Challenge {
        parse_json(CHALLENGE).unwrap()
    }

    pub fn text(s: &str) -> Answer {
        Answer::Text { text: s.into() }
    }

    #[test]
    fn first_names_only() {
        let cases: &[(&str, &[&str], bool)] = &[
            (
                "Ida, Omar;Sofie\nNoah",
                &["Ida", "Omar", "Sofie", "Noah"],
                false,
            ),
            ("Ida Hansen, Omar", &["Ida", "Omar"], true),
            ("  ,, ; ", &[], false),
            ("ida, Ida, IDA", &["ida"], false),
            ("Anne-Sofie, Li'l", &["Anne-Sofie", "Li'l"], false),
            ("Bo2, x@y.dk", &["Bo", "xydk"], true),
            ("<b>Ida</b>", &["bIdab"], true),
            ("Æsa, Øjvind, Åse", &["Æsa", "Øjvind", "Åse"], false),
        ];
        for (input, want, cut) in cases {
            let (names, was_cut) = normalise_members(input);
            assert_eq!(names, *want, "{input}");
            assert_eq!(was_cut, *cut, "{input}");
        }
        let many: Vec<String> = (0..12).map(|i| format!("N{}", "a".repeat(i + 1))).collect();
        let (names, cut) = normalise_members(&many.join(","));
        assert_eq!(names.len(), MAX_MEMBERS);
        assert!(cut);
        assert_eq!(normalise_team_name("  Team   Lyn "), "Team Lyn");
        assert_eq!(normalise_team_name(&"x".repeat(99)).len(), MAX_TEAM_NAME);
    }

    #[test]
    fn two_teams_on_one_device_each_have_their_own_project() {
        let mut p = Progress::default();
        let (a, b) = (WorkRef::project("ta"), WorkRef::project("tb"));
        let by = ChallengeSource::Content("by".into());
        assert!(!start_project(&mut p, &a, &by, "  ", &["Ida".into()], 1));
        assert!(!start_project(&mut p, &a, &by, "Lynet", &[], 1));
        assert!(p.work.is_empty(), "a refused start saves nothing");
        assert!(start_project(
            &mut p,
            &a,
            &by,
            "Lynet",
            &["Ida".into(), "Omar".into()],
            1
        ));
        assert!(start_project(
            &mut p,
            &b,
            &by,
            "Tordenen",
            &["Noah".into()],
            2
        ));
        p.set_answer(&a, "problem", text("Trafik"), 3);
        p.set_answer(&b, "problem", text("Støj"), 4);
        assert_eq!(p.answer(&a, "problem"), Some(&text("Trafik")));
        assert_eq!(members(p.work(&a)), ["Ida", "Omar"]);
        assert_eq!(started(p.work(&b)), Some(2));
        let list = projects(&p, Some(&by));
        assert_eq!(list.len(), 2);
        assert_eq!(list[0].1, "Tordenen", "newest first");
        assert!(projects(&p, Some(&ChallengeSource::Content("x".into()))).is_empty());
        p.delete_work(&b, 9);
        assert_eq!(projects(&p, None).len(), 1);
        assert_eq!(source_of(p.work(&a)), Some(by));
    }

    #[test]
    fn phase_progress_and_resume() {
        let c = challenge();
        let mut p = Progress::default();
        let r = WorkRef::project("x");
        let progress = |p: &Progress| phase_progress(&c, p.work(&r));
        assert_eq!(
            progress(&p)
                .iter()
                .map(|g| (g.answered, g.tasks))
                .collect::<Vec<_>>(),
            [(0, 1), (0, 3), (0, 2)]
        );
        assert_eq!(resume_step(&c, p.work(&r)).as_deref(), Some("intro"));
        p.set_answer(&r, "problem", text("Trafik"), 1);
        assert!(progress(&p)[0].done());
        assert_eq!(resume_step(&c, p.work(&r)).as_deref(), Some("ideer"));
        p.set_position(&r, "pitch", 2);
        assert_eq!(resume_step(&c, p.work(&r)).as_deref(), Some("pitch"));
        p.set_position(&r, "gone", 3);
        assert_eq!(resume_step(&c, p.work(&r)).as_deref(), Some("ideer"));
    }
}
