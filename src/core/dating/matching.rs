//! Forming founding teams: idea owners anchor teams (the most popular ideas from the vote
//! first), mutual wishes are kept together, and everyone else goes where they add the most
//! skills (and, when asked, institutions), followed by swaps that improve the teams. Team
//! sizes and locked teams always hold; the result is the same for the same seed; and a
//! team list is never worse on skill coverage than `greedy_baseline`, which keeps the same
//! anchors and wish groups but places them in list order.

use super::profile::Skills;

/// One participant, as matching sees them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Candidate {
    pub skills: Skills,
    /// The institution as a number (the caller numbers the normalised names).
    pub institution: u32,
    /// Brings an idea (can anchor a team).
    pub idea: bool,
    /// Votes for the idea in the pitch round.
    pub votes: u32,
    /// The normalised first name, which others' wishes name.
    pub name_key: String,
    /// Normalised names of people they want to work with.
    pub wishes: Vec<String>,
}

/// The organiser's settings.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MatchSettings {
    pub min: usize,
    pub max: usize,
    /// Mix institutions in each team.
    pub mix: bool,
    /// Skills every team needs.
    pub required: Skills,
}

impl Default for MatchSettings {
    fn default() -> Self {
        MatchSettings {
            min: 3,
            max: 5,
            mix: true,
            required: Skills::default(),
        }
    }
}

pub const MAX_TEAM_SIZE: usize = 12;

impl MatchSettings {
    /// Sizes that make sense whatever was typed: 1 ≤ min ≤ max ≤ 12.
    pub fn sane(self) -> MatchSettings {
        let min = self.min.clamp(1, MAX_TEAM_SIZE);
        MatchSettings {
            min,
            max: self.max.clamp(min, MAX_TEAM_SIZE),
            ..self
        }
    }
}

/// A team as indexes into the candidates.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Team {
    pub members: Vec<usize>,
    /// The idea owner whose idea the team builds on.
    pub anchor: Option<usize>,
    pub locked: bool,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Formed {
    /// Locked teams first, unchanged, then the new ones.
    pub teams: Vec<Team>,
    /// Candidates no team could take (too few to make another team of the minimum size).
    pub unplaced: Vec<usize>,
}

/// SplitMix64: small, fast, and the same on every platform.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }
}

/// Skill coverage of a list of teams: each team's skills, with the required ones counted
/// twice. The figure the baseline guarantee is about.
pub fn coverage(c: &[Candidate], teams: &[Team], required: Skills) -> u32 {
    teams
        .iter()
        .map(|t| {
            let s = union(c, &t.members);
            s.count() + Skills(s.0 & required.0).count()
        })
        .sum()
}

fn union(c: &[Candidate], members: &[usize]) -> Skills {
    Skills(members.iter().fold(0, |m, &i| m | c[i].skills.0))
}

fn distinct_institutions(c: &[Candidate], members: &[usize]) -> u32 {
    let mut seen: Vec<u32> = Vec::with_capacity(members.len());
    for &i in members {
        if !seen.contains(&c[i].institution) {
            seen.push(c[i].institution);
        }
    }
    seen.len() as u32
}

/// What matching maximises for one team: coverage (required skills weigh more), then
/// institutions when mixing.
fn score(c: &[Candidate], members: &[usize], s: &MatchSettings) -> i64 {
    let skills = union(c, members);
    let cov =
        2 * i64::from(skills.count()) + 3 * i64::from(Skills(skills.0 & s.required.0).count());
    let mix = if s.mix && !members.is_empty() {
        2 * i64::from(distinct_institutions(c, members)) - 2
    } else {
        0
    };
    cov + mix
}

fn team_coverage(c: &[Candidate], members: &[usize], s: &MatchSettings) -> u32 {
    let skills = union(c, members);
    skills.count() + Skills(skills.0 & s.required.0).count()
}

/// The plan every run shares: locked teams checked, who is free, the anchors, the sizes.
struct Plan {
    locked: Vec<Team>,
    free: Vec<usize>,
    caps: Vec<usize>,
    anchors: Vec<usize>,
    /// Free candidates in the seed's order.
    shuffled: Vec<usize>,
}

fn plan(c: &[Candidate], s: &MatchSettings, locked: &[Vec<usize>], seed: u64) -> Plan {
    let mut taken = vec![false; c.len()];
    let mut kept = Vec::new();
    for team in locked {
        let members: Vec<usize> = team
            .iter()
            .copied()
            .filter(|&i| i < c.len() && !std::mem::replace(&mut taken[i], true))
            .collect();
        if !members.is_empty() {
            let anchor = members.iter().copied().find(|&i| c[i].idea);
            kept.push(Team {
                members,
                anchor,
                locked: true,
            });
        }
    }
    let free: Vec<usize> = (0..c.len()).filter(|&i| !taken[i]).collect();
    let n = free.len();
    let (teams, placed) = if n < s.min {
        (0, 0)
    } else {
        let low = n.div_ceil(s.max);
        let high = n / s.min;
        if low > high {
            (high, (high * s.max).min(n))
        } else {
            let target = (s.min + s.max) as f64 / 2.0;
            let t = ((n as f64 / target).round() as usize).clamp(low, high);
            (t, n)
        }
    };
    let caps: Vec<usize> = (0..teams)
        .map(|i| placed / teams + usize::from(i < placed % teams))
        .collect();
    let mut rng = Rng(seed);
    let mut keyed: Vec<(u64, usize)> = free.iter().map(|&i| (rng.next(), i)).collect();
    crate::core::sort::sort(&mut keyed);
    let shuffled: Vec<usize> = keyed.into_iter().map(|(_, i)| i).collect();
    let mut owners: Vec<usize> = shuffled.iter().copied().filter(|&i| c[i].idea).collect();
    // Most votes first; the seed's order among equals (a stable sort keeps it).
    crate::core::sort::sort_by(&mut owners, |a, b| c[*b].votes.cmp(&c[*a].votes));
    owners.truncate(teams);
    Plan {
        locked: kept,
        free,
        caps,
        anchors: owners,
        shuffled,
    }
}

/// Groups of free candidates who wish for each other (both ways), as long as a group fits
/// a team and holds at most one anchor.
fn mutual_units(c: &[Candidate], p: &Plan, max: usize) -> Vec<Vec<usize>> {
    let mut by_name: std::collections::BTreeMap<&str, Vec<usize>> = Default::default();
    for &i in &p.free {
        by_name.entry(c[i].name_key.as_str()).or_default().push(i);
    }
    let unique = |name: &str| match by_name.get(name) {
        Some(v) if v.len() == 1 => Some(v[0]),
        _ => None,
    };
    let mut parent: Vec<usize> = (0..c.len()).collect();
    fn root(parent: &mut [usize], mut i: usize) -> usize {
        while parent[i] != i {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        i
    }
    for &a in &p.free {
        for w in &c[a].wishes {
            let Some(b) = unique(w) else { continue };
            if b != a && c[b].wishes.iter().any(|x| unique(x) == Some(a)) {
                let (ra, rb) = (root(&mut parent, a), root(&mut parent, b));
                parent[ra.max(rb)] = ra.min(rb);
            }
        }
    }
    let mut groups: std::collections::BTreeMap<usize, Vec<usize>> = Default::default();
    for &i in &p.shuffled {
        let r = root(&mut parent, i);
        groups.entry(r).or_default().push(i);
    }
    let mut units = Vec::new();
    for (_, g) in groups {
        let anchors = g.iter().filter(|i| p.anchors.contains(i)).count();
        if g.len() > 1 && (g.len() > max || anchors > 1) {
            units.extend(g.into_iter().map(|i| vec![i]));
        } else {
            units.push(g);
        }
    }
    // Groups with an anchor first, then larger groups: they need the room.
    let anchored = |u: &Vec<usize>| u.iter().any(|i| p.anchors.contains(i));
    crate::core::sort::sort_by(&mut units, |a, b| {
        anchored(b).cmp(&anchored(a)).then(b.len().cmp(&a.len()))
    });
    units
}

/// Puts `units` into the teams, each where it adds the most, then swaps. `fixed` members
/// (anchors, wish groups kept together) are never swapped.
fn place(
    p: &Plan,
    units: Vec<Vec<usize>>,
    fixed: &mut [bool],
    gain: &dyn Fn(&[usize], &[usize]) -> i64,
    smallest_on_ties: bool,
) -> (Vec<Team>, Vec<usize>) {
    let mut teams: Vec<Team> = p
        .caps
        .iter()
        .enumerate()
        .map(|(i, _)| Team {
            members: p.anchors.get(i).map(|&a| vec![a]).unwrap_or_default(),
            anchor: p.anchors.get(i).copied(),
            locked: false,
        })
        .collect();
    for &a in &p.anchors {
        fixed[a] = true;
    }
    let mut unplaced = Vec::new();
    let mut queue: std::collections::VecDeque<Vec<usize>> = units.into();
    while let Some(unit) = queue.pop_front() {
        // A wish group holding an anchor joins the anchor's team.
        let home = unit
            .iter()
            .find_map(|i| p.anchors.iter().position(|a| a == i));
        let unit: Vec<usize> = unit
            .into_iter()
            .filter(|i| !p.anchors.contains(i))
            .collect();
        if unit.is_empty() {
            continue;
        }
        let room = |ti: usize, t: &Team| t.members.len() + unit.len() <= p.caps[ti];
        let mut pick = home.filter(|&h| room(h, &teams[h]));
        if pick.is_none() {
            let mut best: Option<(i64, usize, usize)> = None;
            for (ti, t) in teams.iter().enumerate() {
                if !room(ti, t) {
                    continue;
                }
                let g = gain(&t.members, &unit);
                let smaller = smallest_on_ties && t.members.len() < best.map_or(0, |b| b.1);
                if best.is_none_or(|(bg, _, _)| g > bg || (g == bg && smaller)) {
                    best = Some((g, t.members.len(), ti));
                }
            }
            pick = best.map(|b| b.2);
        }
        match pick {
            Some(ti) => {
                if unit.len() > 1 || home.is_some() {
                    unit.iter().for_each(|&i| fixed[i] = true);
                }
                teams[ti].members.extend(unit);
            }
            None if unit.len() > 1 => {
                for i in unit.into_iter().rev() {
                    queue.push_front(vec![i]);
                }
            }
            None => unplaced.extend(unit),
        }
    }
    (teams, unplaced)
}

/// Pairwise swaps of free members that raise the two teams' score without lowering their
/// coverage, a few passes at most.
fn improve(c: &[Candidate], s: &MatchSettings, teams: &mut [Team], fixed: &[bool]) {
    for _ in 0..6 {
        let mut changed = false;
        for i in 0..teams.len() {
            for j in i + 1..teams.len() {
                for a in 0..teams[i].members.len() {
                    for b in 0..teams[j].members.len() {
                        let (x, y) = (teams[i].members[a], teams[j].members[b]);
                        if fixed[x] || fixed[y] {
                            continue;
                        }
                        let before =
                            score(c, &teams[i].members, s) + score(c, &teams[j].members, s);
                        let cov_before = team_coverage(c, &teams[i].members, s)
                            + team_coverage(c, &teams[j].members, s);
                        teams[i].members[a] = y;
                        teams[j].members[b] = x;
                        let after = score(c, &teams[i].members, s) + score(c, &teams[j].members, s);
                        let cov_after = team_coverage(c, &teams[i].members, s)
                            + team_coverage(c, &teams[j].members, s);
                        if after > before && cov_after >= cov_before {
                            changed = true;
                        } else {
                            teams[i].members[a] = x;
                            teams[j].members[b] = y;
                        }
                    }
                }
            }
        }
        if !changed {
            break;
        }
    }
}

/// The simple greedy baseline: the same team sizes, anchors (for the same seed) and wish
/// groups, then the groups and people in list order, each into the team (with room) where
/// they add the most coverage; no swaps.
pub fn greedy_baseline(
    c: &[Candidate],
    s: &MatchSettings,
    locked: &[Vec<usize>],
    seed: u64,
) -> Vec<Team> {
    let s = s.sane();
    let p = plan(c, &s, locked, seed);
    baseline_of(c, &s, &p, &mut vec![false; c.len()]).0
}

fn baseline_of(
    c: &[Candidate],
    s: &MatchSettings,
    p: &Plan,
    fixed: &mut [bool],
) -> (Vec<Team>, Vec<usize>) {
    let mut units = mutual_units(c, p, s.max);
    crate::core::sort::sort_by_key(&mut units, |u| u.iter().min().copied());
    let gain = |team: &[usize], unit: &[usize]| {
        let mut with = team.to_vec();
        with.extend_from_slice(unit);
        i64::from(team_coverage(c, &with, s)) - i64::from(team_coverage(c, team, s))
    };
    // Ties go to the first team with room (not the smallest): the simplest rule.
    place(p, units, fixed, &gain, false)
}

/// Forms teams. `locked` lists teams kept as they are (indexes; unknown and repeated
/// members are ignored). Deterministic for a given `seed`.
pub fn form_teams(
    c: &[Candidate],
    settings: &MatchSettings,
    locked: &[Vec<usize>],
    seed: u64,
) -> Formed {
    let s = settings.sane();
    let p = plan(c, &s, locked, seed);
    let units = mutual_units(c, &p, s.max);
    let mut fixed = vec![false; c.len()];
    let gain = |team: &[usize], unit: &[usize]| {
        let mut with = team.to_vec();
        with.extend_from_slice(unit);
        score(c, &with, &s) - score(c, team, &s)
    };
    let (mut teams, mut unplaced) = place(&p, units, &mut fixed, &gain, true);
    improve(c, &s, &mut teams, &fixed);
    let mut base_fixed = vec![false; c.len()];
    let (mut base, base_unplaced) = baseline_of(c, &s, &p, &mut base_fixed);
    if coverage(c, &teams, s.required) < coverage(c, &base, s.required) {
        // Rare: the greedy order did better. Its teams, improved, keep every guarantee.
        improve(c, &s, &mut base, &base_fixed);
        teams = base;
        unplaced = base_unplaced;
    }
    let mut formed = Formed {
        teams: p.locked.clone(),
        unplaced,
    };
    formed.teams.extend(teams);
    crate::core::sort::sort(&mut formed.unplaced);
    formed
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::dating::profile::Skill;
    use proptest::prelude::*;

    fn cand(skills: &[Skill], inst: u32, idea: bool, name: &str, wishes: &[&str]) -> Candidate {
        Candidate {
            skills: Skills::of(skills),
            institution: inst,
            idea,
            votes: 0,
            name_key: name.into(),
            wishes: wishes.iter().map(|w| w.to_string()).collect(),
        }
    }

    fn arb_candidates() -> impl Strategy<Value = Vec<Candidate>> {
        proptest::collection::vec(
            (
                0u16..512,
                0u32..4,
                any::<bool>(),
                0u32..5,
                0usize..12,
                proptest::collection::vec(0usize..12, 0..3),
            ),
            0..40,
        )
        .prop_map(|raw| {
            raw.into_iter()
                .map(
                    |(skills, institution, idea, votes, name, wishes)| Candidate {
                        skills: Skills(skills),
                        institution,
                        idea,
                        votes,
                        name_key: format!("n{name}"),
                        wishes: wishes.into_iter().map(|w| format!("n{w}")).collect(),
                    },
                )
                .collect()
        })
    }

    fn arb_settings() -> impl Strategy<Value = MatchSettings> {
        (1usize..6, 0usize..3, any::<bool>(), 0u16..512).prop_map(|(min, extra, mix, req)| {
            MatchSettings {
                min,
                max: min + extra,
                mix,
                required: Skills(req),
            }
        })
    }

    #[test]
    fn idea_owners_anchor_and_popular_ideas_come_first() {
        let mut c: Vec<Candidate> = (0..8)
            .map(|i| {
                cand(
                    &[Skill::ALL[i % 9]],
                    (i % 3) as u32,
                    false,
                    &format!("p{i}"),
                    &[],
                )
            })
            .collect();
        c[1].idea = true;
        c[5].idea = true;
        c[6].idea = true;
        c[6].votes = 9;
        c[1].votes = 4;
        let s = MatchSettings {
            min: 4,
            max: 4,
            mix: true,
            required: Skills::default(),
        };
        let f = form_teams(&c, &s, &[], 7);
        assert_eq!(f.teams.len(), 2);
        let anchors: Vec<_> = f.teams.iter().map(|t| t.anchor).collect();
        assert_eq!(
            anchors,
            vec![Some(6), Some(1)],
            "the two most-voted ideas anchor"
        );
        assert!(f
            .teams
            .iter()
            .all(|t| t.members.contains(&t.anchor.unwrap())));
    }

    #[test]
    fn mutual_wishes_stay_together_one_way_wishes_need_not() {
        let c = vec![
            cand(&[Skill::Tech], 0, false, "ali", &["sara"]),
            cand(&[Skill::Tech], 0, false, "sara", &["ali"]),
            cand(&[Skill::Design], 1, false, "bo", &[]),
            cand(&[Skill::Sales], 2, false, "eva", &[]),
            cand(&[Skill::Finance], 1, false, "kim", &[]),
            cand(&[Skill::Business], 2, false, "liv", &[]),
        ];
        let s = MatchSettings {
            min: 3,
            max: 3,
            mix: false,
            required: Skills::default(),
        };
        for seed in 0..20 {
            let f = form_teams(&c, &s, &[], seed);
            assert!(
                f.teams
                    .iter()
                    .any(|t| t.members.contains(&0) && t.members.contains(&1)),
                "seed {seed}"
            );
        }
    }

    #[test]
    fn too_few_for_another_team_are_listed_not_squeezed_in() {
        let c: Vec<Candidate> = (0..6)
            .map(|i| cand(&[Skill::Tech], 0, false, &format!("p{i}"), &[]))
            .collect();
        let s = MatchSettings {
            min: 4,
            max: 4,
            mix: true,
            required: Skills::default(),
        };
        let f = form_teams(&c, &s, &[], 1);
        assert_eq!(f.teams.len(), 1);
        assert_eq!(f.teams[0].members.len(), 4);
        assert_eq!(f.unplaced.len(), 2);
        assert_eq!(form_teams(&c[..2], &s, &[], 1).unplaced, vec![0, 1]);
    }

    #[test]
    fn three_hundred_profiles_into_teams_of_four_in_time() {
        let c: Vec<Candidate> = (0..300u32)
            .map(|i| Candidate {
                skills: Skills((i.wrapping_mul(2654435761) >> 7) as u16 & 0x1ff),
                institution: i % 4,
                idea: i % 7 == 0,
                votes: i % 5,
                name_key: format!("n{i}"),
                wishes: vec![format!("n{}", i ^ 1)],
            })
            .collect();
        let s = MatchSettings {
            min: 4,
            max: 4,
            mix: true,
            required: Skills::of(&[Skill::Tech, Skill::Business]),
        };
        let start = std::time::Instant::now();
        let f = form_teams(&c, &s, &[], 42);
        let took = start.elapsed();
        println!(
            "matching 300 profiles into teams of 4: {:.1} ms (native, this build's profile)",
            took.as_secs_f64() * 1000.0
        );
        assert_eq!(f.teams.len(), 75);
        assert!(f.teams.iter().all(|t| t.members.len() == 4));
        assert!(
            coverage(&c, &f.teams, s.required)
                >= coverage(&c, &greedy_baseline(&c, &s, &[], 42), s.required)
        );
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(200))]

        #[test]
        fn sizes_and_locks_always_hold(c in arb_candidates(), s in arb_settings(), seed in any::<u64>(),
            lock in proptest::collection::vec(proptest::collection::vec(0usize..50, 0..5), 0..3)) {
            let f = form_teams(&c, &s, &lock, seed);
            let s2 = s.sane();
            // Every candidate exactly once, in a team or unplaced.
            let mut seen = vec![0; c.len()];
            for t in &f.teams { for &m in &t.members { seen[m] += 1; } }
            for &u in &f.unplaced { seen[u] += 1; }
            prop_assert!(seen.iter().all(|&n| n == 1), "{seen:?}");
            // Locked teams come back unchanged (minus unknown and repeated members).
            let locked: Vec<&Team> = f.teams.iter().filter(|t| t.locked).collect();
            let mut taken = std::collections::BTreeSet::new();
            let want: Vec<Vec<usize>> = lock.iter().map(|t| t.iter().copied().filter(|&i| i < c.len() && taken.insert(i)).collect::<Vec<_>>()).filter(|t| !t.is_empty()).collect();
            prop_assert_eq!(locked.iter().map(|t| t.members.clone()).collect::<Vec<_>>(), want);
            for t in f.teams.iter().filter(|t| !t.locked) {
                prop_assert!(t.members.len() >= s2.min && t.members.len() <= s2.max, "{} not in {}..={}", t.members.len(), s2.min, s2.max);
                if let Some(a) = t.anchor { prop_assert!(c[a].idea && t.members.contains(&a)); }
            }
            // Unplaced only when no further team of the minimum size could be made.
            prop_assert!(f.unplaced.len() < s2.min || f.teams.iter().filter(|t| !t.locked).all(|t| t.members.len() == s2.max));
        }

        #[test]
        fn never_worse_than_the_greedy_baseline(c in arb_candidates(), s in arb_settings(), seed in any::<u64>()) {
            let f = form_teams(&c, &s, &[], seed);
            let base = greedy_baseline(&c, &s, &[], seed);
            prop_assert!(coverage(&c, &f.teams, s.required) >= coverage(&c, &base, s.required));
        }

        #[test]
        fn the_same_seed_gives_the_same_teams(c in arb_candidates(), s in arb_settings(), seed in any::<u64>()) {
            prop_assert_eq!(form_teams(&c, &s, &[], seed), form_teams(&c, &s, &[], seed));
        }

        #[test]
        fn anchors_are_the_most_voted_idea_owners(c in arb_candidates(), s in arb_settings(), seed in any::<u64>()) {
            let f = form_teams(&c, &s, &[], seed);
            let anchored: Vec<usize> = f.teams.iter().filter_map(|t| t.anchor).collect();
            let owners = c.iter().filter(|x| x.idea).count();
            prop_assert_eq!(anchored.len(), owners.min(f.teams.len()));
            if let Some(least) = anchored.iter().map(|&a| c[a].votes).min() {
                for (i, x) in c.iter().enumerate() {
                    if x.idea && !anchored.contains(&i) { prop_assert!(x.votes <= least); }
                }
            }
        }

        #[test]
        fn mutual_pairs_are_kept_when_there_is_room(pairs in 0usize..8, singles in 0usize..12,
            skills in proptest::collection::vec(0u16..512, 30), s in arb_settings(), seed in any::<u64>()) {
            // Pairs who wish for each other, and singles who wish for nobody; no ideas.
            let mut c = Vec::new();
            for p in 0..pairs {
                c.push(cand(&[], 0, false, &format!("a{p}"), &[&format!("b{p}")]));
                c.push(cand(&[], 1, false, &format!("b{p}"), &[&format!("a{p}")]));
            }
            for i in 0..singles { c.push(cand(&[], 2, false, &format!("s{i}"), &[])); }
            for (x, sk) in c.iter_mut().zip(&skills) { x.skills = Skills(*sk); }
            let f = form_teams(&c, &s, &[], seed);
            let s2 = s.sane();
            let room: usize = f.teams.iter().map(|t| t.members.len() / 2).sum();
            prop_assume!(s2.max >= 2 && f.unplaced.is_empty() && pairs <= room);
            for p in 0..pairs {
                prop_assert!(f.teams.iter().any(|t| t.members.contains(&(2 * p)) && t.members.contains(&(2 * p + 1))), "pair {p}");
            }
        }
    }
}
