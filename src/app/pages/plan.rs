//! A printable lesson plan of a lesson or challenge: facts (levels, time, competences, FFE
//! dimensions, subjects), the steps with minutes, materials and the teacher notes.

use crate::app::content::{use_content, Card, Load};
use crate::app::i18n::{tr, use_i18n, I18n};
use crate::app::rich::rich_text;
use crate::app::widgets::{FileErrorView, LoadingView};
use crate::core::content::{CanvasTemplate, Competence, Dimension, Level, RoleModel};
use crate::core::i18n::Key;
use crate::core::route::Route;
use crate::core::teacher::plan::{challenge_plan, lesson_plan, lesson_subjects, Material, Plan};
use crate::core::text::Text;
use leptos::prelude::*;

/// What the plan page shows of its file, whichever kind it is.
#[derive(Clone)]
struct Sheet {
    title: Text,
    summary: Option<Text>,
    levels: Vec<Level>,
    competences: Vec<Competence>,
    dimensions: Vec<Dimension>,
    subjects: Vec<Text>,
    notes: Option<Text>,
    plan: Plan,
}

fn step_type_key(name: &str) -> Key {
    match name {
        "read" => Key::StepTypeRead,
        "prompt" => Key::StepTypePrompt,
        "choice" => Key::StepTypeChoice,
        "brainstorm" => Key::StepTypeBrainstorm,
        "vote" => Key::StepTypeVote,
        "canvas" => Key::StepTypeCanvas,
        "checklist" => Key::StepTypeChecklist,
        "role_model" => Key::StepTypeRoleModel,
        "pitch" => Key::StepTypePitch,
        "sketch" => Key::StepTypeSketch,
        "photo" => Key::StepTypePhoto,
        "voice" => Key::StepTypeVoice,
        _ => Key::StepTypeRubric,
    }
}

#[component]
pub fn PlanPage(challenge: bool, id: String) -> impl IntoView {
    let i18n = use_i18n();
    let content = use_content();
    let load_id = id.clone();
    Effect::new(move |_| {
        if challenge {
            content.ensure_challenge(&load_id);
        } else {
            content.ensure_lesson(&load_id);
        }
    });
    let sheet_id = id.clone();
    let sheet = move || -> Result<Sheet, Option<crate::app::content::FileError>> {
        if challenge {
            match content.challenge(&sheet_id) {
                Load::Ready(c) => {
                    let c = &c.value;
                    Ok(Sheet {
                        title: c.title.clone(),
                        summary: c.brief.clone(),
                        levels: c.levels.clone(),
                        competences: vec![],
                        dimensions: vec![],
                        subjects: vec![],
                        notes: None,
                        plan: challenge_plan(c),
                    })
                }
                Load::Failed(e) => Err(Some(e)),
                Load::Loading => Err(None),
            }
        } else {
            match content.lesson(&sheet_id) {
                Load::Ready(l) => {
                    let l = &l.value;
                    Ok(Sheet {
                        title: l.title.clone(),
                        summary: l.summary.clone(),
                        levels: l.levels.clone(),
                        competences: l.competences.clone(),
                        dimensions: l.dimensions.clone(),
                        subjects: lesson_subjects(l),
                        notes: l.teacher_notes.clone(),
                        plan: lesson_plan(l),
                    })
                }
                Load::Failed(e) => Err(Some(e)),
                Load::Loading => Err(None),
            }
        }
    };
    let title_sheet = sheet.clone();
    Effect::new(move |_| {
        if let Ok(s) = title_sheet() {
            super::set_title(&i18n.f(Key::PlanOf, &[("title", &i18n.text(&s.title))]));
        }
    });
    view! {
        <div data-page="plan" class="page plan-page">
            <p class="no-print"><a href=Route::Teacher.href()>{tr(Key::BackToTeacher)}</a></p>
            {move || match sheet() {
                Err(None) => view! { <h1 id="page-title" tabindex="-1" class="visually-hidden">{id.clone()}</h1><LoadingView/> }.into_any(),
                Err(Some(e)) => view! { <h1 id="page-title" tabindex="-1">{id.clone()}</h1><FileErrorView error=e/> }.into_any(),
                Ok(s) => view! { <PlanSheet sheet=s lesson=(!challenge).then(|| id.clone())/> }.into_any(),
            }}
        </div>
    }
}

fn joined<T: Copy>(items: &[T], label: impl Fn(T) -> &'static str) -> String {
    items
        .iter()
        .map(|&i| label(i))
        .collect::<Vec<_>>()
        .join(", ")
}

fn material_text(i18n: I18n, content: crate::app::content::Content, m: &Material) -> String {
    match m {
        Material::Devices => i18n.t(Key::MaterialDevices).to_string(),
        Material::Timer => i18n.t(Key::MaterialTimer).to_string(),
        Material::Projector => i18n.t(Key::MaterialProjector).to_string(),
        Material::Canvas(id) => {
            let name = match content.card::<CanvasTemplate>(id) {
                Card::Ready(s) => i18n.text(&s.summary.title),
                _ => id.clone(),
            };
            i18n.f(Key::MaterialCanvas, &[("canvas", &name)])
        }
        Material::RoleModel(id) => {
            let name = match content.card::<RoleModel>(id) {
                Card::Ready(s) => s.summary.name.clone(),
                _ => id.clone(),
            };
            i18n.f(Key::MaterialRoleModel, &[("name", &name)])
        }
    }
}

#[component]
fn PlanSheet(sheet: Sheet, lesson: Option<String>) -> impl IntoView {
    let i18n = use_i18n();
    let content = use_content();
    let s = sheet;
    let lang = move || i18n.lang();
    let (levels, competences, dimensions) = (
        s.levels.clone(),
        s.competences.clone(),
        s.dimensions.clone(),
    );
    let subjects = s.subjects.clone();
    let minutes = s.plan.minutes;
    let title = s.title.clone();
    let board = lesson.filter(|_| s.plan.steps.iter().any(|p| p.class_board));
    view! {
        <article class="lesson-plan" id="lesson-plan">
            <h1 id="page-title" tabindex="-1">{move || i18n.f(Key::PlanOf, &[("title", &i18n.text(&title))])}</h1>
            {s.summary.clone().map(|t| view! { <div class="rich summary">{move || rich_text(&i18n.text(&t))}</div> })}
            <dl class="plan-facts">
                <dt>{tr(Key::Levels)}</dt>
                <dd>{move || joined(&levels, |l| l.label(lang()))}</dd>
                {minutes.map(|m| view! {
                    <dt>{tr(Key::FilterDuration)}</dt>
                    <dd>{move || i18n.f(Key::Minutes, &[("n", &m.to_string())])}</dd>
                })}
                {(!competences.is_empty()).then(|| view! {
                    <dt>{tr(Key::FilterCompetence)}</dt>
                    <dd>{move || joined(&competences, |c| c.label(lang()))}</dd>
                })}
                {(!dimensions.is_empty()).then(|| view! {
                    <dt>{tr(Key::FilterDimension)}</dt>
                    <dd>{move || joined(&dimensions, |d| d.label(lang()))}</dd>
                })}
                {(!subjects.is_empty()).then(|| view! {
                    <dt>{tr(Key::Subjects)}</dt>
                    <dd>{move || subjects.iter().map(|t| i18n.text(t)).collect::<Vec<_>>().join(", ")}</dd>
                })}
            </dl>
            <h2>{tr(Key::PlanSteps)}</h2>
            <table class="plan-steps">
                <thead><tr>
                    <th scope="col">"#"</th>
                    <th scope="col">{tr(Key::LessonSteps)}</th>
                    <th scope="col">{tr(Key::PlanKind)}</th>
                    <th scope="col">{tr(Key::PlanMinutes)}</th>
                </tr></thead>
                <tbody>
                    {s.plan.steps.clone().into_iter().map(|p| {
                        let label = p.label.clone();
                        let phase = p.phase.clone();
                        let step_id = p.id.clone();
                        view! {
                            <tr data-step=p.id.clone()>
                                <td>{p.number}</td>
                                <td>
                                    {phase.map(|ph| view! { <span class="muted">{i18n.text_of(ph)}": "</span> })}
                                    {move || label.as_ref().map(|l| i18n.text(l)).unwrap_or_else(|| step_id.clone())}
                                    {p.class_board.then(|| view! { " " <span class="badge">{tr(Key::BoardTitle)}</span> })}
                                </td>
                                <td>{move || p.type_name.map(|n| i18n.t(step_type_key(n))).unwrap_or("–")}</td>
                                <td>{move || match p.minutes {
                                    Some(m) if p.estimated => i18n.f(Key::AboutMinutes, &[("n", &m.to_string())]),
                                    Some(m) => i18n.f(Key::Minutes, &[("n", &m.to_string())]),
                                    None => "–".to_string(),
                                }}</td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
            <p class="muted">{tr(Key::PlanMinutesNote)}</p>
            <h2>{tr(Key::Materials)}</h2>
            <ul class="materials">
                {s.plan.materials.clone().into_iter().map(|m| view! { <li>{move || material_text(i18n, content, &m)}</li> }).collect_view()}
            </ul>
            {s.notes.clone().map(|n| view! {
                <h2>{tr(Key::TeacherNotes)}</h2>
                <div class="rich">{move || rich_text(&i18n.text(&n))}</div>
            })}
            <p class="actions no-print">
                <button type="button" class="primary" id="print-plan" on:click=|_| crate::app::browser::print()>{tr(Key::Print)}</button>
                {board.map(|l| view! { <a class="button" href=Route::Board { lesson: l, step: None }.href()>{tr(Key::BoardTitle)}</a> })}
            </p>
        </article>
    }
}
