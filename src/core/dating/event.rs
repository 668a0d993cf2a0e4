//! The organiser's StartUp Dating event, kept as one work item (`event:<id>`): the imported
//! profiles as documents (one per profile id, so a profile shared again replaces its older
//! copy), the settings, the team list with locks, the pitch order and the votes as props and
//! answers, so the event saves, merges and backs up like all work.

use super::matching::{form_teams, Candidate, MatchSettings, Team};
use super::profile::{
    read_profile, Profile, ProfileError, ProfileNote, ReadProfile, Skill, Skills,
};
use crate::core::i18n::{t, Key};
use crate::core::progress::answer::Doc;
use crate::core::progress::{Answer, Millis, RecordId, Work};
use crate::core::teacher::csv::csv;
use crate::core::teacher::handin::normalise_name;
use crate::core::text::Lang;
use serde_json::{json, Value};
use std::collections::{BTreeMap, BTreeSet};

/// The step key of the imported profiles (documents).
pub const PROFILES_STEP: &str = "profiles";
/// The step key of the vote (dots per idea owner's profile id).
pub const VOTES_STEP: &str = "votes";
pub const PROP_MIN: &str = "min";
pub const PROP_MAX: &str = "max";
pub const PROP_MIX: &str = "mix";
pub const PROP_REQUIRED: &str = "required";
pub const PROP_TEAMS: &str = "teams";
pub const PROP_UNPLACED: &str = "unplaced";
pub const PROP_SEED: &str = "seed";
pub const PROP_ORDER: &str = "order";
pub const PROP_SECONDS: &str = "seconds";
/// The event on this device (one evening at a time; erased as a whole).
pub const EVENT_ID: &str = "main";
/// An event holds at most this many profiles; more are reported and skipped.
pub const MAX_PROFILES: usize = 1000;
pub const DEFAULT_SECONDS: u32 = 60;

/// The event's settings, read leniently from its props.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EventSettings {
    pub matching: MatchSettings,
    pub seconds: u32,
}

impl EventSettings {
    pub fn from_work(work: Option<&Work>) -> EventSettings {
        let prop = |n: &str| work.and_then(|w| w.prop(n)).unwrap_or("");
        let num = |n: &str, d: usize| prop(n).trim().parse().unwrap_or(d);
        let d = MatchSettings::default();
        EventSettings {
            matching: MatchSettings {
                min: num(PROP_MIN, d.min),
                max: num(PROP_MAX, d.max),
                mix: prop(PROP_MIX) != "0",
                required: Skills::parse_ids(prop(PROP_REQUIRED)),
            }
            .sane(),
            seconds: (num(PROP_SECONDS, DEFAULT_SECONDS as usize) as u32).clamp(10, 600),
        }
    }
}

/// Every readable profile of the event, by id; copies that no longer read are counted.
pub fn event_profiles(answer: Option<&Answer>) -> (BTreeMap<RecordId, Profile>, usize) {
    let mut out = BTreeMap::new();
    let mut unreadable = 0;
    if let Some(Answer::Docs { docs }) = answer {
        for (id, doc) in docs.live() {
            match read_profile(doc.0.as_bytes()) {
                Ok(r) if r.profile.id == *id => {
                    out.insert(id.clone(), r.profile);
                }
                _ => unreadable += 1,
            }
        }
    }
    (out, unreadable)
}

/// What became of one file, code or typed profile of an import.
#[derive(Debug, Clone, PartialEq)]
pub enum ImportOutcome {
    Added,
    /// Replaced an earlier copy of the same profile.
    Replaced,
    /// The same profile is there already.
    Duplicate,
    /// Older than the copy that is kept.
    Older,
    /// The event is full.
    Full,
    Rejected(ProfileError),
}

#[derive(Debug, Clone, PartialEq)]
pub struct ImportEntry {
    pub source: String,
    pub name: Option<String>,
    pub outcome: ImportOutcome,
    pub notes: Vec<ProfileNote>,
    /// Another profile has the same name and institution (a person who made two?).
    pub similar: bool,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct ProfileImport {
    pub entries: Vec<ImportEntry>,
    pub writes: Vec<(RecordId, Doc)>,
}

impl ProfileImport {
    /// Added, replaced, skipped.
    pub fn counts(&self) -> (usize, usize, usize) {
        let n = |o: ImportOutcome| self.entries.iter().filter(|e| e.outcome == o).count();
        let (a, r) = (n(ImportOutcome::Added), n(ImportOutcome::Replaced));
        (a, r, self.entries.len() - a - r)
    }
}

/// Decides an import: newer copies replace older ones of the same profile id, the same copy
/// twice is a duplicate, and a profile with another id but the same name and institution is
/// added and flagged (two people can share a first name; the organiser decides).
pub fn plan_import(
    kept: &BTreeMap<RecordId, Profile>,
    incoming: Vec<(String, Result<ReadProfile, ProfileError>)>,
) -> ProfileImport {
    let mut now: BTreeMap<RecordId, Profile> = kept.clone();
    let mut plan = ProfileImport::default();
    let mut written: BTreeMap<RecordId, Doc> = BTreeMap::new();
    for (source, result) in incoming {
        let read = match result {
            Ok(r) => r,
            Err(e) => {
                plan.entries.push(ImportEntry {
                    source,
                    name: None,
                    outcome: ImportOutcome::Rejected(e),
                    notes: Vec::new(),
                    similar: false,
                });
                continue;
            }
        };
        let p = read.profile;
        let outcome = match now.get(&p.id) {
            Some(old) if old.updated > p.updated => ImportOutcome::Older,
            Some(old) if *old == p => ImportOutcome::Duplicate,
            Some(old) if old.updated == p.updated && old.to_json() > p.to_json() => {
                ImportOutcome::Older
            }
            Some(_) => ImportOutcome::Replaced,
            None if now.len() >= MAX_PROFILES => ImportOutcome::Full,
            None => ImportOutcome::Added,
        };
        let similar = now
            .values()
            .any(|o| o.id != p.id && o.person_key() == p.person_key());
        if matches!(outcome, ImportOutcome::Added | ImportOutcome::Replaced) {
            written.insert(p.id.clone(), Doc(p.to_json()));
            now.insert(p.id.clone(), p.clone());
        }
        plan.entries.push(ImportEntry {
            source,
            name: Some(p.name.clone()),
            outcome,
            notes: read.notes,
            similar,
        });
    }
    plan.writes = written.into_iter().collect();
    plan
}

/// Profiles that share a name and institution with another profile.
pub fn possible_duplicates(profiles: &BTreeMap<RecordId, Profile>) -> BTreeSet<RecordId> {
    let mut by_key: BTreeMap<String, Vec<&RecordId>> = BTreeMap::new();
    for (id, p) in profiles {
        by_key.entry(p.person_key()).or_default().push(id);
    }
    crate::core::sort::to_set(
        by_key
            .into_values()
            .filter(|v| v.len() > 1)
            .flatten()
            .cloned(),
    )
}

/// One saved team: members by profile id, its anchor and whether it is locked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SavedTeam {
    pub members: Vec<RecordId>,
    pub anchor: Option<RecordId>,
    pub locked: bool,
}

/// The team list as a prop.
pub fn teams_prop(teams: &[SavedTeam]) -> String {
    let list: Vec<Value> = teams
        .iter()
        .map(|t| {
            json!({
                "m": t.members.iter().map(RecordId::as_str).collect::<Vec<_>>(),
                "a": t.anchor.as_ref().map(RecordId::as_str),
                "l": t.locked,
            })
        })
        .collect();
    Value::Array(list).to_string()
}

/// Reads the team list, keeping only profiles that exist, each once.
pub fn read_teams(prop: &str, known: &BTreeMap<RecordId, Profile>) -> Vec<SavedTeam> {
    let Ok(Value::Array(list)) = serde_json::from_str::<Value>(prop) else {
        return Vec::new();
    };
    let mut seen = BTreeSet::new();
    let mut out = Vec::new();
    for t in list.iter().take(MAX_PROFILES) {
        let members: Vec<RecordId> = t
            .get("m")
            .and_then(Value::as_array)
            .map(|m| {
                m.iter()
                    .filter_map(Value::as_str)
                    .filter_map(RecordId::parse)
                    .filter(|id| known.contains_key(id) && seen.insert(id.clone()))
                    .collect()
            })
            .unwrap_or_default();
        if members.is_empty() {
            continue;
        }
        let anchor = t
            .get("a")
            .and_then(Value::as_str)
            .and_then(RecordId::parse)
            .filter(|a| members.contains(a));
        let locked = t.get("l").and_then(Value::as_bool).unwrap_or(false);
        out.push(SavedTeam {
            members,
            anchor,
            locked,
        });
    }
    out
}

/// Ids as a comma list (the unplaced and the pitch order), and back, keeping known ones.
pub fn ids_prop(ids: &[RecordId]) -> String {
    ids.iter()
        .map(RecordId::as_str)
        .collect::<Vec<_>>()
        .join(",")
}

pub fn read_ids(prop: &str, known: &BTreeMap<RecordId, Profile>) -> Vec<RecordId> {
    let mut seen = BTreeSet::new();
    prop.split(',')
        .filter_map(|s| RecordId::parse(s.trim()))
        .filter(|id| known.contains_key(id) && seen.insert(id.clone()))
        .collect()
}

/// The votes per idea owner.
pub fn votes_of(answer: Option<&Answer>) -> BTreeMap<String, u32> {
    match answer {
        Some(Answer::Dots { dots }) => dots.clone(),
        _ => BTreeMap::new(),
    }
}

/// The result of forming teams, as ids.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FormedTeams {
    pub teams: Vec<SavedTeam>,
    pub unplaced: Vec<RecordId>,
}

/// Forms teams from the event's profiles, keeping the locked teams of `current`, with the
/// vote deciding which ideas anchor teams.
pub fn form_event_teams(
    profiles: &BTreeMap<RecordId, Profile>,
    settings: &MatchSettings,
    current: &[SavedTeam],
    votes: &BTreeMap<String, u32>,
    seed: u64,
) -> FormedTeams {
    let ids: Vec<&RecordId> = profiles.keys().collect();
    let index: BTreeMap<&RecordId, usize> =
        crate::core::sort::to_map(ids.iter().enumerate().map(|(i, id)| (*id, i)));
    let mut institutions: BTreeMap<String, u32> = BTreeMap::new();
    let candidates: Vec<Candidate> = profiles
        .values()
        .map(|p| {
            let next = institutions.len() as u32;
            let institution = *institutions
                .entry(normalise_name(&p.institution))
                .or_insert(next);
            Candidate {
                skills: p.skills,
                institution,
                idea: p.idea.is_some(),
                votes: votes.get(p.id.as_str()).copied().unwrap_or(0),
                name_key: normalise_name(&p.name),
                wishes: p.wishes.iter().map(|w| normalise_name(w)).collect(),
            }
        })
        .collect();
    let locked: Vec<Vec<usize>> = current
        .iter()
        .filter(|t| t.locked)
        .map(|t| {
            t.members
                .iter()
                .filter_map(|m| index.get(m).copied())
                .collect()
        })
        .collect();
    let formed = form_teams(&candidates, settings, &locked, seed);
    let id = |i: usize| ids[i].clone();
    FormedTeams {
        teams: formed
            .teams
            .iter()
            .map(|t: &Team| {
                let members: Vec<RecordId> = t.members.iter().map(|&i| id(i)).collect();
                // A locked team keeps the anchor it had.
                let kept = current
                    .iter()
                    .find(|c| t.locked && c.locked && c.members == members)
                    .map(|c| c.anchor.clone());
                SavedTeam {
                    anchor: kept.unwrap_or_else(|| t.anchor.map(id)),
                    members,
                    locked: t.locked,
                }
            })
            .collect(),
        unplaced: formed.unplaced.iter().map(|&i| id(i)).collect(),
    }
}

/// Where a member is: a team and place, or `None` for unplaced.
pub fn find_member(teams: &[SavedTeam], who: &RecordId) -> Option<(usize, usize)> {
    teams
        .iter()
        .enumerate()
        .find_map(|(ti, t)| t.members.iter().position(|m| m == who).map(|mi| (ti, mi)))
}

/// Swaps two people between unlocked teams, or a team member with an unplaced person.
/// Sizes never change. `None` when the swap is not allowed (same team, a locked team).
pub fn swap_members(
    teams: &[SavedTeam],
    unplaced: &[RecordId],
    a: &RecordId,
    b: &RecordId,
) -> Option<(Vec<SavedTeam>, Vec<RecordId>)> {
    let (pa, pb) = (find_member(teams, a), find_member(teams, b));
    let mut teams = teams.to_vec();
    let mut unplaced = unplaced.to_vec();
    let clear_anchor = |t: &mut SavedTeam, who: &RecordId| {
        if t.anchor.as_ref() == Some(who) {
            t.anchor = None;
        }
    };
    match (pa, pb) {
        (Some((ta, ma)), Some((tb, mb))) => {
            if ta == tb || teams[ta].locked || teams[tb].locked {
                return None;
            }
            teams[ta].members[ma] = b.clone();
            teams[tb].members[mb] = a.clone();
            clear_anchor(&mut teams[ta], a);
            clear_anchor(&mut teams[tb], b);
        }
        (Some((ta, ma)), None) | (None, Some((ta, ma))) => {
            let (inside, outside) = if pa.is_some() { (a, b) } else { (b, a) };
            let u = unplaced.iter().position(|x| x == outside)?;
            if teams[ta].locked {
                return None;
            }
            teams[ta].members[ma] = outside.clone();
            unplaced[u] = inside.clone();
            clear_anchor(&mut teams[ta], inside);
        }
        (None, None) => return None,
    }
    Some((teams, unplaced))
}

/// Why a team looks the way it does.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reasons {
    pub covered: Skills,
    /// Required skills nobody in the team has.
    pub required_gaps: Skills,
    /// Other skills nobody has.
    pub gaps: Skills,
    pub institutions: Vec<String>,
    /// Pairs in the team who wished for each other.
    pub wishes_kept: Vec<(String, String)>,
}

pub fn reasons(
    team: &SavedTeam,
    profiles: &BTreeMap<RecordId, Profile>,
    s: &MatchSettings,
) -> Reasons {
    let members: Vec<&Profile> = team
        .members
        .iter()
        .filter_map(|m| profiles.get(m))
        .collect();
    let covered = Skills(members.iter().fold(0, |m, p| m | p.skills.0));
    let mut institutions: Vec<String> = Vec::new();
    for p in &members {
        if !institutions
            .iter()
            .any(|i| normalise_name(i) == normalise_name(&p.institution))
        {
            institutions.push(p.institution.clone());
        }
    }
    let mut wishes_kept = Vec::new();
    for (i, a) in members.iter().enumerate() {
        for b in &members[i + 1..] {
            let wants = |x: &Profile, y: &Profile| {
                x.wishes
                    .iter()
                    .any(|w| normalise_name(w) == normalise_name(&y.name))
            };
            if wants(a, b) && wants(b, a) {
                wishes_kept.push((a.name.clone(), b.name.clone()));
            }
        }
    }
    Reasons {
        covered,
        required_gaps: Skills(s.required.0 & !covered.0),
        gaps: Skills(Skills::EVERY.0 & !covered.0 & !s.required.0),
        institutions,
        wishes_kept,
    }
}

/// Skill names in `lang`, comma-separated.
pub fn skill_names(skills: Skills, lang: Lang) -> String {
    skills
        .list()
        .iter()
        .map(|s: &Skill| t(lang, s.key()))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The team list as CSV: one row per member, the team number first.
pub fn teams_csv(
    teams: &[SavedTeam],
    unplaced: &[RecordId],
    profiles: &BTreeMap<RecordId, Profile>,
    lang: Lang,
) -> String {
    let mut rows = vec![[
        Key::CsvTeam,
        Key::ProfileName,
        Key::ProfileInstitution,
        Key::ProfileProgramme,
        Key::ProfileSkills,
        Key::ProfileIdeaTitle,
        Key::CsvAnchor,
        Key::ProfileHours,
    ]
    .iter()
    .map(|k| t(lang, *k).to_string())
    .collect::<Vec<_>>()];
    let row = |team: String, p: &Profile, anchor: bool| {
        vec![
            team,
            p.name.clone(),
            p.institution.clone(),
            p.programme.clone(),
            skill_names(p.skills, lang),
            p.idea.as_ref().map(|i| i.title.clone()).unwrap_or_default(),
            if anchor {
                t(lang, Key::Yes).to_string()
            } else {
                String::new()
            },
            p.hours.to_string(),
        ]
    };
    for (n, team) in teams.iter().enumerate() {
        for m in &team.members {
            if let Some(p) = profiles.get(m) {
                rows.push(row((n + 1).to_string(), p, team.anchor.as_ref() == Some(m)));
            }
        }
    }
    for m in unplaced {
        if let Some(p) = profiles.get(m) {
            rows.push(row(t(lang, Key::Unplaced).to_string(), p, false));
        }
    }
    csv(&rows)
}

/// The pitch order: the saved order of idea owners, then owners not in it yet by name.
pub fn running_order(profiles: &BTreeMap<RecordId, Profile>, saved: &[RecordId]) -> Vec<RecordId> {
    let mut order: Vec<RecordId> = saved
        .iter()
        .filter(|id| profiles.get(*id).is_some_and(|p| p.idea.is_some()))
        .cloned()
        .collect();
    let mut rest: Vec<&Profile> = profiles
        .values()
        .filter(|p| p.idea.is_some() && !order.contains(&p.id))
        .collect();
    crate::core::sort::sort_by_key(&mut rest, |p| normalise_name(&p.name));
    order.extend(rest.into_iter().map(|p| p.id.clone()));
    order
}

/// Moves one entry of the pitch order up (`-1`) or down (`1`).
pub fn move_in_order(order: &[RecordId], who: &RecordId, by: i32) -> Vec<RecordId> {
    let mut out = order.to_vec();
    if let Some(i) = out.iter().position(|x| x == who) {
        let j = i as i64 + i64::from(by);
        if j >= 0 && (j as usize) < out.len() {
            out.swap(i, j as usize);
        }
    }
    out
}

/// Ideas by votes, most first (ties by pitch order).
pub fn results(order: &[RecordId], votes: &BTreeMap<String, u32>) -> Vec<(RecordId, u32)> {
    let mut out: Vec<(RecordId, u32)> = order
        .iter()
        .map(|id| (id.clone(), votes.get(id.as_str()).copied().unwrap_or(0)))
        .collect();
    crate::core::sort::sort_by_key(&mut out, |r| std::cmp::Reverse(r.1));
    out
}

/// A stamp-free seed for a fresh run: the caller passes the time.
pub fn seed_of(now: Millis) -> u64 {
    now as u64
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::dating::profile::{IdeaPitch, InstitutionKind};

    fn profile(
        id: &str,
        name: &str,
        inst: &str,
        skills: &[Skill],
        idea: bool,
        wishes: &[&str],
    ) -> Profile {
        Profile {
            id: RecordId::parse(id).unwrap(),
            updated: 10,
            name: name.into(),
            institution: inst.into(),
            kind: InstitutionKind::University,
            programme: String::new(),
            skills: Skills::of(skills),
            interests: String::new(),
            idea: idea.then(|| IdeaPitch {
                title: format!("Idé {name}"),
                line: String::new(),
            }),
            hours: 5,
            wishes: wishes.iter().map(|w| w.to_string()).collect(),
        }
    }

    fn ok(p: &Profile) -> Result<ReadProfile, ProfileError> {
        Ok(ReadProfile {
            profile: p.clone(),
            notes: Vec::new(),
        })
    }

    #[test]
    fn import_adds_replaces_and_skips_like_the_class_overview() {
        let a = profile("aa1", "Ida", "AAU", &[Skill::Tech], true, &[]);
        let mut a2 = a.clone();
        a2.updated = 20;
        a2.hours = 9;
        let b = profile("bb1", "ida", " aau ", &[Skill::Sales], false, &[]);
        let kept = BTreeMap::new();
        let plan = plan_import(
            &kept,
            vec![
                ("a.json".into(), ok(&a)),
                ("a-igen.json".into(), ok(&a)),
                ("a-ny.json".into(), ok(&a2)),
                ("a.json".into(), ok(&a)),
                ("b.json".into(), ok(&b)),
                ("kode 1".into(), Err(ProfileError::CodeDamaged)),
            ],
        );
        let outcomes: Vec<_> = plan.entries.iter().map(|e| e.outcome.clone()).collect();
        assert_eq!(
            outcomes,
            vec![
                ImportOutcome::Added,
                ImportOutcome::Duplicate,
                ImportOutcome::Replaced,
                ImportOutcome::Older,
                ImportOutcome::Added,
                ImportOutcome::Rejected(ProfileError::CodeDamaged),
            ]
        );
        assert!(
            plan.entries[4].similar,
            "same name and institution is flagged"
        );
        assert_eq!(plan.writes.len(), 2);
        assert_eq!(plan.counts(), (2, 1, 3));
        let mut all = BTreeMap::new();
        all.insert(a.id.clone(), a2.clone());
        all.insert(b.id.clone(), b.clone());
        assert_eq!(possible_duplicates(&all).len(), 2);
    }

    #[test]
    fn teams_form_keep_locks_swap_and_export() {
        let inst = ["AAU", "UCN", "EUC", "Gym"];
        let mut profiles = BTreeMap::new();
        for i in 0..12 {
            let p = profile(
                &format!("p{i}"),
                &format!("Navn{i}"),
                inst[i % 4],
                &[Skill::ALL[i % 9]],
                i % 4 == 0,
                &[],
            );
            profiles.insert(p.id.clone(), p);
        }
        let s = MatchSettings {
            min: 4,
            max: 4,
            mix: true,
            required: Skills::of(&[Skill::Tech]),
        };
        let mut votes = BTreeMap::new();
        votes.insert("p8".to_string(), 5);
        let f = form_event_teams(&profiles, &s, &[], &votes, 3);
        assert_eq!(f.teams.len(), 3);
        assert!(f
            .teams
            .iter()
            .all(|t| t.members.len() == 4 && t.anchor.is_some()));
        // Saved and read back.
        let back = read_teams(&teams_prop(&f.teams), &profiles);
        assert_eq!(back, f.teams);
        // Lock the first, re-run with another seed: the first stays.
        let mut teams = back;
        teams[0].locked = true;
        let again = form_event_teams(&profiles, &s, &teams, &votes, 99);
        assert_eq!(again.teams[0], teams[0]);
        // Swaps: across unlocked teams only.
        let (x, y) = (
            again.teams[1].members[1].clone(),
            again.teams[2].members[1].clone(),
        );
        let (swapped, _) = swap_members(&again.teams, &[], &x, &y).unwrap();
        assert_eq!(swapped[1].members[1], y);
        assert_eq!(swapped[2].members[1], x);
        let locked_one = again.teams[0].members[0].clone();
        assert_eq!(swap_members(&again.teams, &[], &locked_one, &y), None);
        // Reasons and CSV.
        let r = reasons(&again.teams[1], &profiles, &s);
        assert_eq!(
            r.covered.count() + r.gaps.count() + r.required_gaps.count(),
            9
        );
        let csv = teams_csv(&again.teams, &[], &profiles, Lang::Da);
        assert_eq!(csv.lines().count(), 13);
        assert!(csv.starts_with('\u{feff}'));
    }

    #[test]
    fn a_hostile_team_prop_reads_as_what_it_can() {
        let mut profiles = BTreeMap::new();
        let p = profile("p1", "A", "X", &[], false, &[]);
        profiles.insert(p.id.clone(), p);
        for junk in [
            "",
            "{",
            "[1,2]",
            "[{\"m\":[\"p1\",\"p1\",\"zz\"],\"a\":\"zz\"},{\"m\":[\"p1\"]}]",
        ] {
            let t = read_teams(junk, &profiles);
            assert!(t.len() <= 1);
            assert!(t
                .iter()
                .all(|t| t.members == vec![RecordId::parse("p1").unwrap()] && t.anchor.is_none()));
        }
    }

    #[test]
    fn running_order_and_results() {
        let mut profiles = BTreeMap::new();
        for (id, name, idea) in [
            ("a1", "Bo", true),
            ("b1", "Asta", true),
            ("c1", "Carl", false),
        ] {
            let p = profile(id, name, "X", &[], idea, &[]);
            profiles.insert(p.id.clone(), p);
        }
        let order = running_order(&profiles, &[]);
        assert_eq!(ids_prop(&order), "b1,a1");
        let moved = move_in_order(&order, &order[1], -1);
        assert_eq!(ids_prop(&moved), "a1,b1");
        assert_eq!(
            running_order(&profiles, &read_ids("a1,zz,c1", &profiles)),
            moved
        );
        let mut votes = BTreeMap::new();
        votes.insert("b1".to_string(), 3);
        assert_eq!(results(&moved, &votes)[0].0.as_str(), "b1");
    }
}
