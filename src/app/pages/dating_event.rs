//! The organiser's StartUp Dating event: import many profiles (files, pasted codes, typed),
//! a sortable table (edit, remove, duplicates flagged), settings, teams formed by the core
//! with their reasons, swapping members by keyboard and pointer, locks and re-runs, print,
//! CSV and erase. Everything is the work item `event:main`, saved by the store.

use super::dating::{Fields, ProfileForm};
use crate::app::browser;
use crate::app::i18n::{tr, use_i18n, I18n};
use crate::app::import_panel::{read_codes, CodeFault, ImportPanel, ImportTexts};
use crate::app::store::use_store;
use crate::app::widgets::ConfirmButton;
use crate::core::dating::event::{
    event_profiles, form_event_teams, ids_prop, plan_import, possible_duplicates, read_ids,
    read_teams, reasons, skill_names, swap_members, teams_csv, teams_prop, votes_of, EventSettings,
    ImportOutcome, ProfileImport, SavedTeam, MAX_PROFILES, PROFILES_STEP, PROP_MAX, PROP_MIN,
    PROP_MIX, PROP_REQUIRED, PROP_TEAMS, PROP_UNPLACED, VOTES_STEP,
};
use crate::core::dating::profile::{
    field, fields_of, profile_from_fields, read_profile, read_profile_code, split_profile_codes,
    Profile, ProfileError, ProfileNote, ReadProfile, Skill, MAX_PROFILE_BYTES,
};
use crate::core::i18n::Key;
use crate::core::progress::answer::Doc;
use crate::core::progress::{Answer, RecordId, WorkRef};
use crate::core::route::Route;
use crate::core::teacher::handin::normalise_name;
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::collections::BTreeMap;

/// What an import reads: each file, code or typed profile by name, read or refused.
type Incoming = Vec<(String, Result<ReadProfile, ProfileError>)>;

/// The profiles of the event, read back through the one gate whenever they change.
pub fn use_event_profiles() -> Memo<(BTreeMap<RecordId, Profile>, usize)> {
    let store = use_store();
    Memo::new(move |_| event_profiles(store.answer(&WorkRef::event(), PROFILES_STEP).as_ref()))
}

#[component]
pub fn EventPage() -> impl IntoView {
    let i18n = use_i18n();
    let store = use_store();
    Effect::new(move |_| super::set_title(i18n.t(Key::OrganiserTitle)));
    let profiles = use_event_profiles();
    let report = RwSignal::new(None::<ProfileImport>);
    let import = Callback::new(move |incoming: Incoming| {
        let plan = plan_import(&profiles.get_untracked().0, incoming);
        let writes = plan
            .writes
            .iter()
            .map(|(id, doc)| (id.clone(), Some(doc.clone())))
            .collect();
        store.put_records::<Doc>(&WorkRef::event(), PROFILES_STEP, writes);
        report.set(Some(plan));
    });
    let erase = Callback::new(move |_| {
        let work = WorkRef::event();
        let ids: Vec<(RecordId, Option<Doc>)> = profiles
            .get_untracked()
            .0
            .keys()
            .map(|id| (id.clone(), None))
            .collect();
        store.put_records::<Doc>(&work, PROFILES_STEP, ids);
        store.set_answer(
            &work,
            VOTES_STEP,
            Answer::Dots {
                dots: BTreeMap::new(),
            },
        );
        store.set_props(
            &work,
            &[
                (PROP_TEAMS, String::new()),
                (PROP_UNPLACED, String::new()),
                (crate::core::dating::event::PROP_ORDER, String::new()),
            ],
        );
        report.set(None);
    });
    view! {
        <div data-page="dating-event" class="page dating-event-page">
            <p class="no-print"><a href=Route::Dating.href()>{tr(Key::DatingTitle)}</a>" · "<a href=Route::DatingPitch.href()>{tr(Key::ToPitch)}</a></p>
            <h1 id="page-title" tabindex="-1">{tr(Key::OrganiserTitle)}</h1>
            <p class="lead no-print">{tr(Key::OrganiserIntro)}</p>
            <ImportProfiles import=import/>
            <Report report=report/>
            <TypeIn import=import/>
            <ProfileTable profiles=profiles/>
            <SettingsForm/>
            <Teams profiles=profiles/>
            <section class="no-print danger-zone" aria-labelledby="erase-title">
                <h2 id="erase-title">{tr(Key::EraseEvent)}</h2>
                <p>{tr(Key::EraseEventConfirm)}</p>
                <ConfirmButton id="erase-event" label=Key::EraseEvent confirm=Key::EraseEvent on_confirm=erase/>
            </section>
        </div>
    }
}

#[component]
fn ImportProfiles(import: Callback<Incoming>) -> impl IntoView {
    let i18n = use_i18n();
    let codes = RwSignal::new(String::new());
    let busy = RwSignal::new(false);
    let take_files = move |files: web_sys::FileList| {
        let files: Vec<web_sys::File> = (0..files.length()).filter_map(|i| files.get(i)).collect();
        busy.set(true);
        spawn_local(async move {
            let mut incoming: Incoming = Vec::new();
            let wanted: Vec<web_sys::File> = files
                .iter()
                .take(MAX_PROFILES)
                .filter(|f| f.size() <= MAX_PROFILE_BYTES as f64)
                .cloned()
                .collect();
            let mut read = browser::read_files(&wanted).await.into_iter();
            for (n, f) in files.iter().enumerate() {
                let result = if n >= MAX_PROFILES || f.size() > MAX_PROFILE_BYTES as f64 {
                    Err(ProfileError::TooLarge)
                } else {
                    match read.next() {
                        Some(Ok(bytes)) => read_profile(&bytes),
                        _ => Err(ProfileError::NotText),
                    }
                };
                incoming.push((f.name(), result));
            }
            busy.set(false);
            import.run(incoming);
        });
    };
    let take_codes = move |()| {
        let text = codes.get_untracked();
        let found = split_profile_codes(&text);
        let label = i18n.t(Key::CodeSource);
        busy.set(true);
        spawn_local(async move {
            let incoming: Incoming = read_codes(
                &text,
                found,
                label,
                MAX_PROFILE_BYTES,
                read_profile_code,
                read_profile,
                |fault| match fault {
                    CodeFault::Damaged => ProfileError::CodeDamaged,
                    CodeFault::CannotInflate => ProfileError::CodeUnpack,
                },
            )
            .await;
            busy.set(false);
            codes.set(String::new());
            import.run(incoming);
        });
    };
    let texts = ImportTexts {
        title: Key::ImportProfilesTitle,
        intro: Key::ImportProfilesIntro,
        paste: Key::PasteProfileCodes,
        import_codes: Key::ImportProfileCodes,
    };
    view! {
        <ImportPanel prefix="profile" texts=texts busy=busy codes=codes
            on_files=Callback::new(take_files) on_codes=Callback::new(take_codes)/>
    }
}

fn error_text(i18n: I18n, e: &ProfileError) -> String {
    i18n.t(e.key()).to_string()
}

fn note_text(i18n: I18n, n: &ProfileNote) -> String {
    match n {
        ProfileNote::UnknownSkills(list) => {
            i18n.f(Key::NoteUnknownSkills, &[("skills", &list.join(", "))])
        }
        ProfileNote::Clipped => i18n.t(Key::NoteClipped).to_string(),
        ProfileNote::WishesDropped => i18n.t(Key::NoteWishesDropped).to_string(),
    }
}

#[component]
fn Report(report: RwSignal<Option<ProfileImport>>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div id="profile-import-report" class="import-report no-print" role="status" aria-live="polite">
            {move || report.get().map(|plan| {
                let (added, replaced, skipped) = plan.counts();
                let summary = i18n.f(Key::ProfileImportSummary, &[
                    ("added", &added.to_string()),
                    ("replaced", &replaced.to_string()),
                    ("skipped", &skipped.to_string()),
                ]);
                view! {
                    <p class="import-summary" data-added=added data-replaced=replaced data-skipped=skipped>{summary}</p>
                    <ul class="import-entries">
                        {plan.entries.into_iter().map(|e| {
                            let (kind, what) = match &e.outcome {
                                ImportOutcome::Added => ("added", i18n.t(Key::ProfileOutcomeAdded).to_string()),
                                ImportOutcome::Replaced => ("replaced", i18n.t(Key::ProfileOutcomeReplaced).to_string()),
                                ImportOutcome::Duplicate => ("duplicate", i18n.t(Key::ProfileOutcomeDuplicate).to_string()),
                                ImportOutcome::Older => ("older", i18n.t(Key::ProfileOutcomeOlder).to_string()),
                                ImportOutcome::Full => ("full", i18n.t(Key::ProfileOutcomeFull).to_string()),
                                ImportOutcome::Rejected(err) => ("rejected", error_text(i18n, err)),
                            };
                            let who = e.name.map(|p| format!(" ({p})")).unwrap_or_default();
                            let mut notes: Vec<String> = e.notes.iter().map(|n| note_text(i18n, n)).collect();
                            if e.similar {
                                notes.push(i18n.t(Key::NoteSimilar).to_string());
                            }
                            let notes = (!notes.is_empty()).then(|| format!(" – {}", notes.join("; ")));
                            view! {
                                <li data-outcome=kind><span class="source">{e.source}</span>{who}": "{what}{notes}</li>
                            }
                        }).collect_view()}
                    </ul>
                }
            })}
        </div>
    }
}

/// A draft profile the organiser types, kept in the page until added.
fn draft_fields(draft: RwSignal<BTreeMap<&'static str, String>>) -> Fields {
    Fields {
        get: Callback::new(move |k: &'static str| {
            draft.with(|d| d.get(k).cloned().unwrap_or_default())
        }),
        set: Callback::new(move |(k, v): (&'static str, String)| {
            draft.update(|d| {
                d.insert(k, v);
            })
        }),
    }
}

#[component]
fn TypeIn(import: Callback<Incoming>) -> impl IntoView {
    let i18n = use_i18n();
    let store = use_store();
    let draft = RwSignal::new(BTreeMap::<&'static str, String>::new());
    let problems = RwSignal::new(Vec::<Key>::new());
    let add = move |_| {
        let d = draft.get_untracked();
        let get = |k: &str| d.get(k).cloned().unwrap_or_default();
        let p = profile_from_fields(&get, store.new_id(), browser::now());
        let found = p.problems();
        if found.is_empty() {
            import.run(vec![(
                i18n.t(Key::TypedSource).to_string(),
                Ok(ReadProfile {
                    profile: p,
                    notes: Vec::new(),
                }),
            )]);
            draft.set(BTreeMap::new());
        }
        problems.set(found);
    };
    view! {
        <details class="type-in no-print">
            <summary>{tr(Key::TypeProfileTitle)}</summary>
            <ProfileForm fields=draft_fields(draft) prefix="typed"/>
            <ProblemList problems=problems/>
            <p class="actions"><button type="button" on:click=add>{tr(Key::AddTypedProfile)}</button></p>
        </details>
    }
}

#[component]
fn ProblemList(problems: RwSignal<Vec<Key>>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div role="alert">
            {move || {
                let list = problems.get();
                (!list.is_empty()).then(|| view! {
                    <ul class="notice notice-warning">{list.into_iter().map(|k| view! { <li>{move || i18n.t(k)}</li> }).collect_view()}</ul>
                })
            }}
        </div>
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Column {
    Name,
    Institution,
    Programme,
    Skills,
    Idea,
    Hours,
}

impl Column {
    const ALL: [Column; 6] = [
        Column::Name,
        Column::Institution,
        Column::Programme,
        Column::Skills,
        Column::Idea,
        Column::Hours,
    ];
    fn key(self) -> Key {
        match self {
            Column::Name => Key::ProfileName,
            Column::Institution => Key::ProfileInstitution,
            Column::Programme => Key::ProfileProgramme,
            Column::Skills => Key::ProfileSkills,
            Column::Idea => Key::ColumnIdea,
            Column::Hours => Key::ProfileHours,
        }
    }
    fn sort_key(self, p: &Profile, lang: crate::core::text::Lang) -> (String, u32) {
        match self {
            Column::Name => (normalise_name(&p.name), 0),
            Column::Institution => (normalise_name(&p.institution), 0),
            Column::Programme => (normalise_name(&p.programme), 0),
            Column::Skills => (skill_names(p.skills, lang), 0),
            Column::Idea => (
                p.idea
                    .as_ref()
                    .map(|i| normalise_name(&i.title))
                    .unwrap_or_else(|| "\u{10ffff}".into()),
                0,
            ),
            Column::Hours => (String::new(), u32::from(p.hours)),
        }
    }
}

#[component]
fn ProfileTable(profiles: Memo<(BTreeMap<RecordId, Profile>, usize)>) -> impl IntoView {
    let i18n = use_i18n();
    let store = use_store();
    let sort = RwSignal::new((Column::Name, true));
    let editing = RwSignal::new(None::<RecordId>);
    let duplicates = Memo::new(move |_| possible_duplicates(&profiles.get().0));
    let rows = Memo::new(move |_| {
        let (col, asc) = sort.get();
        let lang = i18n.lang();
        let mut list: Vec<Profile> = profiles.get().0.into_values().collect();
        crate::core::sort::sort_by(&mut list, |a, b| {
            let o = col
                .sort_key(a, lang)
                .cmp(&col.sort_key(b, lang))
                .then(normalise_name(&a.name).cmp(&normalise_name(&b.name)));
            if asc {
                o
            } else {
                o.reverse()
            }
        });
        list
    });
    let remove = move |id: RecordId| {
        store.put_record::<Doc>(&WorkRef::event(), PROFILES_STEP, id, None);
    };
    view! {
        <section class="profiles" aria-labelledby="profiles-title">
            <h2 id="profiles-title">{move || i18n.f(Key::ProfilesTitle, &[("n", &profiles.get().0.len().to_string())])}</h2>
            {move || {
                let bad = profiles.get().1;
                (bad > 0).then(|| view! { <p class="notice notice-warning">{i18n.f(Key::ProfilesUnreadable, &[("n", &bad.to_string())])}</p> })
            }}
            {move || if rows.with(Vec::is_empty) {
                view! { <p class="empty">{tr(Key::ProfilesEmpty)}</p> }.into_any()
            } else { view! {
                <div class="table-wrap">
                <table class="profile-table">
                    <thead><tr>
                        {Column::ALL.into_iter().map(|c| {
                            let aria_sort = move || {
                                let (col, asc) = sort.get();
                                if col == c { if asc { "ascending" } else { "descending" } } else { "none" }
                            };
                            view! {
                                <th scope="col" aria-sort=aria_sort>
                                    <button type="button" class="sort"
                                        aria-label=move || i18n.f(Key::SortBy, &[("column", i18n.t(c.key()))])
                                        on:click=move |_| sort.update(|(col, asc)| { if *col == c { *asc = !*asc } else { *col = c; *asc = true } })>
                                        {move || i18n.t(c.key())}
                                    </button>
                                </th>
                            }
                        }).collect_view()}
                        <th scope="col" class="no-print">{tr(Key::ColumnActions)}</th>
                    </tr></thead>
                    <tbody>
                        {move || rows.get().into_iter().map(|p| {
                            let id = p.id.clone();
                            let dup = duplicates.with(|d| d.contains(&id));
                            let (edit_id, remove_id) = (id.clone(), id.clone());
                            let name = p.name.clone();
                            let (n1, n2) = (name.clone(), name.clone());
                            view! {
                                <tr data-profile=id.to_string() class:duplicate=dup>
                                    <th scope="row">{name}{dup.then(|| view! { " " <span class="badge badge-warning">{tr(Key::PossibleDuplicate)}</span> })}</th>
                                    <td>{p.institution.clone()}</td>
                                    <td>{p.programme.clone()}</td>
                                    <td>{skill_names(p.skills, i18n.lang())}</td>
                                    <td>{p.idea.as_ref().map(|i| i.title.clone()).unwrap_or_default()}</td>
                                    <td>{p.hours}</td>
                                    <td class="no-print actions">
                                        <button type="button" aria-label=i18n.f(Key::EditProfile, &[("name", &n1)])
                                            on:click=move |_| editing.set(Some(edit_id.clone()))>{tr(Key::Edit)}</button>
                                        " "
                                        <button type="button" aria-label=i18n.f(Key::RemoveProfile, &[("name", &n2)])
                                            on:click=move |_| remove(remove_id.clone())>{tr(Key::Remove)}</button>
                                    </td>
                                </tr>
                            }
                        }).collect_view()}
                    </tbody>
                </table>
                </div>
            }.into_any() }}
            {move || editing.get().and_then(|id| profiles.with(|p| p.0.get(&id).cloned())).map(|p| view! {
                <EditProfile profile=p editing=editing/>
            })}
        </section>
    }
}

#[component]
fn EditProfile(profile: Profile, editing: RwSignal<Option<RecordId>>) -> impl IntoView {
    let store = use_store();
    let draft = RwSignal::new(crate::core::sort::to_map(fields_of(&profile)));
    let problems = RwSignal::new(Vec::<Key>::new());
    let save = move |_| {
        let d = draft.get_untracked();
        let get = |k: &str| d.get(k).cloned().unwrap_or_default();
        let updated = browser::now().max(profile.updated + 1);
        let p = profile_from_fields(&get, profile.id.clone(), updated);
        let found = p.problems();
        if found.is_empty() {
            store.put_record(
                &WorkRef::event(),
                PROFILES_STEP,
                p.id.clone(),
                Some(Doc(p.to_json())),
            );
            editing.set(None);
        }
        problems.set(found);
    };
    browser::after_render(|| browser::focus_id("edit-profile-title"));
    view! {
        <section class="edit-profile no-print" aria-labelledby="edit-profile-title">
            <h3 id="edit-profile-title" tabindex="-1">{move || draft.with(|d| d.get(field::NAME).cloned().unwrap_or_default())}</h3>
            <ProfileForm fields=draft_fields(draft) prefix="edit"/>
            <ProblemList problems=problems/>
            <p class="actions">
                <button type="button" class="primary" on:click=save>{tr(Key::SaveProfile)}</button>
                " "
                <button type="button" on:click=move |_| editing.set(None)>{tr(Key::Cancel)}</button>
            </p>
        </section>
    }
}

#[component]
fn SettingsForm() -> impl IntoView {
    let i18n = use_i18n();
    let store = use_store();
    let settings = Memo::new(move |_| {
        store
            .with_work(&WorkRef::event(), EventSettings::from_work)
            .matching
    });
    let set = move |name: &'static str, value: String| {
        store.set_props(&WorkRef::event(), &[(name, value)])
    };
    view! {
        <section class="settings no-print" aria-labelledby="settings-title">
            <h2 id="settings-title">{tr(Key::SettingsTitle)}</h2>
            <div class="field-row">
                <div class="field">
                    <label for="team-min">{tr(Key::TeamMin)}</label>
                    <input id="team-min" type="number" min="1" max="12" prop:value=move || settings.get().min.to_string()
                        on:change=move |ev| set(PROP_MIN, event_target_value(&ev))/>
                </div>
                <div class="field">
                    <label for="team-max">{tr(Key::TeamMax)}</label>
                    <input id="team-max" type="number" min="1" max="12" prop:value=move || settings.get().max.to_string()
                        on:change=move |ev| set(PROP_MAX, event_target_value(&ev))/>
                </div>
            </div>
            <label class="check" for="mix-institutions">
                <input id="mix-institutions" type="checkbox" prop:checked=move || settings.get().mix
                    on:change=move |ev| set(PROP_MIX, if event_target_checked(&ev) { "1" } else { "0" }.into())/>
                {tr(Key::MixInstitutions)}
            </label>
            <fieldset class="skills">
                <legend>{tr(Key::RequiredSkills)}</legend>
                {Skill::ALL.into_iter().map(|s| {
                    let cid = format!("required-{}", s.id());
                    let for_id = cid.clone();
                    view! {
                        <label for=for_id class="check">
                            <input id=cid type="checkbox" prop:checked=move || settings.get().required.has(s)
                                on:change=move |ev| set(PROP_REQUIRED, settings.get_untracked().required.with(s, event_target_checked(&ev)).ids())/>
                            {move || i18n.t(s.key())}
                        </label>
                    }
                }).collect_view()}
            </fieldset>
        </section>
    }
}

#[component]
fn Teams(profiles: Memo<(BTreeMap<RecordId, Profile>, usize)>) -> impl IntoView {
    let i18n = use_i18n();
    let store = use_store();
    let work = WorkRef::event();
    let (w1, w2) = (work.clone(), work.clone());
    let teams = Memo::new(move |_| {
        let prop = store.with_work(&w1, |w| {
            w.and_then(|w| w.prop(PROP_TEAMS))
                .unwrap_or_default()
                .to_string()
        });
        profiles.with(|p| read_teams(&prop, &p.0))
    });
    let unplaced = Memo::new(move |_| {
        let prop = store.with_work(&w2, |w| {
            w.and_then(|w| w.prop(PROP_UNPLACED))
                .unwrap_or_default()
                .to_string()
        });
        profiles.with(|p| read_ids(&prop, &p.0))
    });
    let settings = Memo::new(move |_| {
        store
            .with_work(&WorkRef::event(), EventSettings::from_work)
            .matching
    });
    let picked = RwSignal::new(None::<RecordId>);
    let announce = RwSignal::new(String::new());
    let save = move |t: &[SavedTeam], u: &[RecordId]| {
        store.set_props(
            &WorkRef::event(),
            &[(PROP_TEAMS, teams_prop(t)), (PROP_UNPLACED, ids_prop(u))],
        );
    };
    let form = move |_| {
        let votes = votes_of(store.answer(&WorkRef::event(), VOTES_STEP).as_ref());
        let started = browser::perf_now();
        let formed = profiles.with_untracked(|p| {
            form_event_teams(
                &p.0,
                &settings.get_untracked(),
                &teams.get_untracked(),
                &votes,
                browser::now() as u64,
            )
        });
        browser::perf_measure("spire:match", started);
        store.set_props(
            &WorkRef::event(),
            &[
                (PROP_TEAMS, teams_prop(&formed.teams)),
                (PROP_UNPLACED, ids_prop(&formed.unplaced)),
            ],
        );
        picked.set(None);
    };
    let name_of = move |id: &RecordId| {
        profiles.with_untracked(|p| p.0.get(id).map(|p| p.name.clone()).unwrap_or_default())
    };
    let swap = Callback::new(move |(a, b): (RecordId, RecordId)| {
        picked.set(None);
        match swap_members(&teams.get_untracked(), &unplaced.get_untracked(), &a, &b) {
            Some((t, u)) => {
                save(&t, &u);
                announce.set(i18n.f(Key::Swapped, &[("a", &name_of(&a)), ("b", &name_of(&b))]));
                browser::focus_id(&format!("member-{a}"));
            }
            None => announce.set(i18n.t(Key::SwapLocked).to_string()),
        }
    });
    let pick = Callback::new(move |who: Option<RecordId>| {
        if let Some(w) = &who {
            announce.set(i18n.f(Key::SwapPicked, &[("name", &name_of(w))]));
        } else {
            announce.set(String::new());
        }
        picked.set(who);
    });
    let lock = move |n: usize, on: bool| {
        let mut t = teams.get_untracked();
        if let Some(team) = t.get_mut(n) {
            team.locked = on;
            save(&t, &unplaced.get_untracked());
        }
    };
    let csv = move |_| {
        let text = profiles.with_untracked(|p| {
            teams_csv(
                &teams.get_untracked(),
                &unplaced.get_untracked(),
                &p.0,
                i18n.lang(),
            )
        });
        browser::download(
            if i18n.lang() == crate::core::text::Lang::Da {
                "hold.csv"
            } else {
                "teams.csv"
            },
            "text/csv;charset=utf-8",
            &text,
        );
    };
    view! {
        <section class="teams" aria-labelledby="teams-title">
            <h2 id="teams-title">{tr(Key::TeamsTitle)}</h2>
            <p class="actions no-print">
                <button type="button" class="primary" id="form-teams" on:click=form disabled=move || profiles.with(|p| p.0.is_empty())>
                    {move || i18n.t(if teams.with(Vec::is_empty) { Key::FormTeams } else { Key::ReformTeams })}
                </button>
                " "
                <button type="button" on:click=move |_| browser::print() disabled=move || teams.with(Vec::is_empty)>{tr(Key::PrintTeams)}</button>
                " "
                <button type="button" on:click=csv disabled=move || teams.with(Vec::is_empty)>{tr(Key::ExportTeamsCsv)}</button>
            </p>
            <p class="muted no-print">{tr(Key::SwapHelp)}</p>
            <p class="visually-hidden" role="status" aria-live="polite" id="swap-status">{move || announce.get()}</p>
            {move || if teams.with(Vec::is_empty) {
                view! { <p class="empty">{tr(Key::TeamsEmpty)}</p> }.into_any()
            } else {
                let all = teams.get();
                let s = settings.get();
                view! {
                    <ol class="team-list">
                        {all.into_iter().enumerate().map(|(n, team)| {
                            let r = profiles.with(|p| reasons(&team, &p.0, &s));
                            let lang = i18n.lang();
                            let idea = team.anchor.as_ref().and_then(|a| profiles.with(|p| p.0.get(a).cloned())).and_then(|p| p.idea.clone().map(|i| (i.title, p.name)));
                            let number = (n + 1).to_string();
                            let lock_id = format!("lock-team-{}", n + 1);
                            let locked = team.locked;
                            let heading = format!("team-{}-title", n + 1);
                            let labelled_by = heading.clone();
                            let lock_for = lock_id.clone();
                            view! {
                                <li class="team" class:locked=locked aria-labelledby=labelled_by>
                                    <h3 id=heading>{i18n.f(Key::TeamN, &[("n", &number)])}{locked.then_some(" 🔒")}</h3>
                                    <p class="team-idea">{match idea {
                                        Some((title, name)) => i18n.f(Key::TeamIdea, &[("title", &title), ("name", &name)]),
                                        None => i18n.t(Key::TeamNoIdea).to_string(),
                                    }}</p>
                                    <ul class="members">
                                        {team.members.iter().map(|m| view! { <Member id=m.clone() profiles=profiles picked=picked pick=pick swap=swap locked=locked/> }).collect_view()}
                                    </ul>
                                    <ul class="reasons">
                                        <li>{i18n.f(Key::TeamCovers, &[("skills", &skill_names(r.covered, lang))])}</li>
                                        {(r.required_gaps.count() > 0).then(|| view! { <li class="gap">{i18n.f(Key::TeamRequiredGaps, &[("skills", &skill_names(r.required_gaps, lang))])}</li> })}
                                        {(r.gaps.count() > 0).then(|| view! { <li>{i18n.f(Key::TeamGaps, &[("skills", &skill_names(r.gaps, lang))])}</li> })}
                                        <li>{i18n.f(Key::TeamInstitutions, &[("list", &r.institutions.join(", "))])}</li>
                                        {(!r.wishes_kept.is_empty()).then(|| view! { <li>{i18n.f(Key::TeamWishes, &[("list", &r.wishes_kept.iter().map(|(a, b)| format!("{a} & {b}")).collect::<Vec<_>>().join(", "))])}</li> })}
                                    </ul>
                                    <label class="check no-print" for=lock_for>
                                        <input id=lock_id type="checkbox" prop:checked=locked on:change=move |ev| lock(n, event_target_checked(&ev))/>
                                        {i18n.f(Key::LockTeam, &[("n", &number)])}
                                    </label>
                                </li>
                            }
                        }).collect_view()}
                    </ol>
                }.into_any()
            }}
            {move || (!unplaced.with(Vec::is_empty)).then(|| view! {
                <section class="unplaced" aria-labelledby="unplaced-title">
                    <h3 id="unplaced-title">{tr(Key::Unplaced)}</h3>
                    <p class="muted">{tr(Key::UnplacedHelp)}</p>
                    <ul class="members">
                        {unplaced.get().into_iter().map(|m| view! { <Member id=m profiles=profiles picked=picked pick=pick swap=swap locked=false/> }).collect_view()}
                    </ul>
                </section>
            })}
        </section>
    }
}

/// One member of a team (or unplaced): who, and the swap button. Swapping works by
/// keyboard (pick one, then the other) and by dragging one person onto another.
#[component]
fn Member(
    id: RecordId,
    profiles: Memo<(BTreeMap<RecordId, Profile>, usize)>,
    picked: RwSignal<Option<RecordId>>,
    pick: Callback<Option<RecordId>>,
    swap: Callback<(RecordId, RecordId)>,
    locked: bool,
) -> impl IntoView {
    let i18n = use_i18n();
    let Some(p) = profiles.with_untracked(|all| all.0.get(&id).cloned()) else {
        return ().into_any();
    };
    let name = p.name.clone();
    let details = format!(
        " – {} · {}",
        p.institution,
        skill_names(p.skills, i18n.lang())
    );
    let (id1, id2, id3) = (id.clone(), id.clone(), id.clone());
    let label_name = name.clone();
    let label = move || match picked.get() {
        None => i18n.f(Key::PickToSwap, &[("name", &label_name)]),
        Some(x) if x == id1 => i18n.t(Key::CancelSwap).to_string(),
        Some(x) => {
            let picked_name =
                profiles.with(|p| p.0.get(&x).map(|p| p.name.clone()).unwrap_or_default());
            i18n.f(
                Key::SwapWith,
                &[("picked", &picked_name), ("name", &label_name)],
            )
        }
    };
    let on_click = move |_| match picked.get_untracked() {
        None => pick.run(Some(id2.clone())),
        Some(x) if x == id2 => pick.run(None),
        Some(x) => swap.run((x, id2.clone())),
    };
    let is_picked = Memo::new(move |_| picked.get().as_ref() == Some(&id3));
    let drag_id = id.clone();
    let drop_id = id.clone();
    let button_id = format!("member-{id}");
    view! {
        <li class="member" class:picked=move || is_picked.get() draggable=(!locked).then_some("true")
            on:dragstart=move |ev: leptos::ev::DragEvent| {
                if let Some(dt) = ev.data_transfer() { let _ = dt.set_data("text/plain", drag_id.as_str()); }
            }
            on:dragover=move |ev: leptos::ev::DragEvent| { if !locked { ev.prevent_default(); } }
            on:drop=move |ev: leptos::ev::DragEvent| {
                ev.prevent_default();
                let from = ev.data_transfer().and_then(|dt| dt.get_data("text/plain").ok()).and_then(|s| RecordId::parse(&s));
                if let Some(from) = from.filter(|f| *f != drop_id) { swap.run((from, drop_id.clone())); }
            }>
            <span class="member-name">{name}</span>
            <span class="muted">{details}</span>
            {(!locked).then(|| view! {
                " "
                <button type="button" class="swap no-print" id=button_id aria-pressed=move || is_picked.get().to_string() on:click=on_click>{label}</button>
            })}
        </li>
    }
    .into_any()
}
