//! A printable lesson plan: the steps with minutes, what to have ready, and (with the
//! lesson's own metadata) competences, FFE dimensions and subjects. Minutes come from the
//! content where it gives them (a brainstorm's timer); the rest of the lesson's time is
//! shared out by what each kind of step usually takes, and marked as an estimate.

use crate::core::content::{Challenge, Lesson, Step, StepSlot};
use crate::core::text::{Lang, Text};

#[derive(Debug, Clone, PartialEq)]
pub struct PlanStep {
    /// 1-based, as the pupil sees the step.
    pub number: usize,
    pub id: String,
    /// The step type (`"brainstorm"`…), `None` for a step the app cannot show.
    pub type_name: Option<&'static str>,
    pub label: Option<Text>,
    /// The phase of a challenge the step is in.
    pub phase: Option<Text>,
    pub minutes: Option<u32>,
    /// The minutes are shared out by the plan, not given by the content.
    pub estimated: bool,
    /// A brainstorm the class can do together on the class board.
    pub class_board: bool,
}

/// What to have ready.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Material {
    /// A device with Spire per pupil or group.
    Devices,
    /// A clock everyone can see (timed brainstorms, pitches).
    Timer,
    /// A canvas template (to show or print).
    Canvas(String),
    /// A role-model profile.
    RoleModel(String),
    /// A projector for the class board.
    Projector,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Plan {
    pub steps: Vec<PlanStep>,
    pub materials: Vec<Material>,
    /// The whole lesson, as the content gives it.
    pub minutes: Option<u32>,
}

/// The school subjects a lesson fits (content v1.1 `subjects`), named in both languages.
pub fn lesson_subjects(lesson: &Lesson) -> Vec<Text> {
    lesson
        .subjects
        .iter()
        .map(|s| Text::Localized {
            da: Some(s.label(Lang::Da).to_string()),
            en: Some(s.label(Lang::En).to_string()),
        })
        .collect()
}

pub fn lesson_plan(lesson: &Lesson) -> Plan {
    let steps: Vec<(Option<Text>, &StepSlot)> = lesson.steps.iter().map(|s| (None, s)).collect();
    plan(
        &steps,
        lesson.minutes,
        lesson.role_models.iter().map(|r| r.to_string()),
    )
}

pub fn challenge_plan(challenge: &Challenge) -> Plan {
    let steps: Vec<(Option<Text>, &StepSlot)> = challenge
        .phases
        .iter()
        .flat_map(|p| p.steps.iter().map(|s| (Some(p.title.clone()), s)))
        .collect();
    plan(&steps, None, std::iter::empty())
}

/// What a kind of step usually takes, in minutes: the weights the lesson's time is shared by.
fn usual_minutes(step: &Step) -> u32 {
    match step {
        Step::Read(_) | Step::Checklist(_) | Step::Vote(_) => 3,
        Step::Choice(_) => 2,
        Step::Prompt(_) | Step::Brainstorm(_) | Step::Photo(_) | Step::Voice(_) => 5,
        Step::Sketch(_) => 8,
        Step::Canvas(_) => 10,
        Step::RoleModel(_) | Step::Pitch(_) => 8,
        Step::Rubric(_) => 4,
    }
}

/// Minutes the content itself gives a step.
fn given_minutes(step: &Step) -> Option<u32> {
    match step {
        Step::Brainstorm(b) => b.minutes.filter(|&m| m > 0),
        _ => None,
    }
}

fn plan(
    steps: &[(Option<Text>, &StepSlot)],
    total: Option<u32>,
    role_models: impl Iterator<Item = String>,
) -> Plan {
    let given: u32 = steps
        .iter()
        .filter_map(|(_, s)| s.ready().and_then(given_minutes))
        .sum();
    let open: Vec<u32> = steps
        .iter()
        .map(|(_, s)| match s.ready() {
            Some(step) if given_minutes(step).is_none() => usual_minutes(step),
            _ => 0,
        })
        .collect();
    let shared = match total {
        Some(t) if t > given => share(t - given, &open),
        Some(_) => vec![None; open.len()],
        None => open.iter().map(|&w| (w > 0).then_some(w)).collect(),
    };
    let mut materials = vec![Material::Devices];
    let mut add = |m: Material| {
        if !materials.contains(&m) {
            materials.push(m);
        }
    };
    let mut out = Vec::new();
    for (n, ((phase, slot), estimate)) in steps.iter().zip(shared).enumerate() {
        let step = slot.ready();
        match step {
            Some(Step::Brainstorm(b)) => {
                if b.minutes.is_some() {
                    add(Material::Timer);
                }
                add(Material::Projector);
            }
            Some(Step::Pitch(_)) => add(Material::Timer),
            Some(Step::Canvas(c)) => add(Material::Canvas(c.canvas.to_string())),
            Some(Step::RoleModel(r)) => add(Material::RoleModel(r.profile.to_string())),
            _ => {}
        }
        let minutes = step.and_then(given_minutes);
        out.push(PlanStep {
            number: n + 1,
            id: slot.id().unwrap_or_default().to_string(),
            type_name: step.map(Step::type_name),
            label: step.and_then(Step::label).cloned(),
            phase: phase.clone(),
            estimated: minutes.is_none() && estimate.is_some(),
            minutes: minutes.or(estimate.filter(|&m| m > 0)),
            class_board: matches!(step, Some(Step::Brainstorm(_))),
        });
    }
    for r in role_models {
        add(Material::RoleModel(r));
    }
    Plan {
        steps: out,
        materials,
        minutes: total,
    }
}

/// Shares `minutes` by `weights` (largest remainder), so the parts add up exactly; a zero
/// weight gets `None`.
fn share(minutes: u32, weights: &[u32]) -> Vec<Option<u32>> {
    let sum: u32 = weights.iter().sum();
    if sum == 0 {
        return vec![None; weights.len()];
    }
    let exact: Vec<(u32, u32)> = weights
        .iter()
        .map(|&w| {
            let scaled = u64::from(minutes) * u64::from(w);
            (
                (scaled / u64::from(sum)) as u32,
                (scaled % u64::from(sum)) as u32,
            )
        })
        .collect();
    let mut parts: Vec<u32> = exact.iter().map(|(q, _)| *q).collect();
    let left = minutes - parts.iter().sum::<u32>();
    let mut order: Vec<usize> = (0..weights.len()).filter(|&i| weights[i] > 0).collect();
    super::sort_small_by(&mut order, |&a, &b| exact[b].1.cmp(&exact[a].1));
    for &i in order.iter().cycle().take(left as usize) {
        parts[i] += 1;
    }
    parts
        .into_iter()
        .zip(weights)
        .map(|(p, &w)| (w > 0).then_some(p))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::content::load::parse_json;

    fn lesson(minutes: Option<u32>) -> Lesson {
        let mut l: Lesson = parse_json(
            r#"{"id":"a","title":"A","levels":["mellemtrin"],"role_models":["maja-keramik"],
            "steps":[{"type":"read","id":"r","body":"x"},
                     {"type":"brainstorm","id":"b","question":"Idéer?","minutes":5},
                     {"type":"vote","id":"v","from":"b"},
                     {"type":"canvas","id":"c","canvas":"kid-idea-canvas"},
                     {"type":"dance","id":"d"}]}"#,
        )
        .unwrap();
        l.minutes = minutes;
        l
    }

    #[test]
    fn the_lessons_time_is_shared_and_adds_up() {
        let p = lesson_plan(&lesson(Some(45)));
        let minutes: Vec<Option<u32>> = p.steps.iter().map(|s| s.minutes).collect();
        assert_eq!(minutes.iter().flatten().sum::<u32>(), 45);
        assert_eq!(minutes[1], Some(5));
        assert!(!p.steps[1].estimated && p.steps[0].estimated);
        assert_eq!(minutes[4], None, "a broken step gets no time");
        assert_eq!(p.steps[4].type_name, None);
        assert!(p.steps[1].class_board);
    }

    #[test]
    fn without_a_total_each_step_gets_its_usual_time() {
        let p = lesson_plan(&lesson(None));
        let minutes: Vec<Option<u32>> = p.steps.iter().map(|s| s.minutes).collect();
        assert_eq!(minutes, [Some(3), Some(5), Some(3), Some(10), None]);
        let squeezed = lesson_plan(&lesson(Some(4)));
        assert_eq!(squeezed.steps[0].minutes, None);
    }

    #[test]
    fn materials_follow_the_steps() {
        let p = lesson_plan(&lesson(Some(45)));
        assert_eq!(
            p.materials,
            [
                Material::Devices,
                Material::Timer,
                Material::Projector,
                Material::Canvas("kid-idea-canvas".into()),
                Material::RoleModel("maja-keramik".into())
            ]
        );
    }

    #[test]
    fn sharing_is_exact() {
        assert_eq!(share(10, &[1, 1, 1]), [Some(4), Some(3), Some(3)]);
        assert_eq!(share(7, &[0, 2, 5]), [None, Some(2), Some(5)]);
        assert_eq!(share(5, &[0]), [None]);
        for total in 0..60 {
            let parts = share(total, &[3, 5, 2, 10, 8]);
            assert_eq!(parts.iter().flatten().sum::<u32>(), total);
        }
    }
}
