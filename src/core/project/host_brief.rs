//! Host briefs: what a local company or public body writes on the one-page form (who we
//! are, the problem, for whom, the limits, what we can offer), typed in by a teacher and
//! turned into a spin-in challenge on this device — playable here, and exportable as a
//! content file that passes `spire-content check`.
//!
//! The brief's own words stay as the host wrote them (one language); the phases around them
//! come from a fixed spin-in template in Danish and English.

use crate::core::content::vocab::{ChallengeFormat, HostKind};
use crate::core::content::{Challenge, Id, Level};
use crate::core::i18n::Key;
use crate::core::progress::work_ref::PROP_HOST_NAME;
use crate::core::progress::Work;
use crate::core::text::{slug, Text};
use serde_json::json;

/// The fields of a brief, each a prop of the `brief:<id>` work. The host fills in the
/// first ones; the teacher adds the title, levels, theme and who plays the host.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BriefField {
    HostName,
    HostKind,
    About,
    Problem,
    ForWhom,
    Limits,
    OfferVisit,
    OfferMaterials,
    OfferJudge,
    OfferDetails,
    Title,
    Levels,
    Theme,
    StandIn,
}

impl BriefField {
    /// The text fields in the order of the form.
    pub const TEXTS: [BriefField; 7] = [
        BriefField::HostName,
        BriefField::About,
        BriefField::Problem,
        BriefField::ForWhom,
        BriefField::Limits,
        BriefField::OfferDetails,
        BriefField::StandIn,
    ];
    pub const OFFERS: [BriefField; 3] = [
        BriefField::OfferVisit,
        BriefField::OfferMaterials,
        BriefField::OfferJudge,
    ];

    pub fn prop(self) -> &'static str {
        match self {
            BriefField::HostName => PROP_HOST_NAME,
            BriefField::HostKind => "host_kind",
            BriefField::About => "about",
            BriefField::Problem => "problem",
            BriefField::ForWhom => "for_whom",
            BriefField::Limits => "limits",
            BriefField::OfferVisit => "offer_visit",
            BriefField::OfferMaterials => "offer_materials",
            BriefField::OfferJudge => "offer_judge",
            BriefField::OfferDetails => "offer_details",
            BriefField::Title => "title",
            BriefField::Levels => "levels",
            BriefField::Theme => "theme",
            BriefField::StandIn => "stand_in",
        }
    }

    pub fn label(self) -> Key {
        match self {
            BriefField::HostName => Key::BriefHostName,
            BriefField::HostKind => Key::BriefHostKind,
            BriefField::About => Key::BriefAbout,
            BriefField::Problem => Key::BriefProblem,
            BriefField::ForWhom => Key::BriefForWhom,
            BriefField::Limits => Key::BriefLimits,
            BriefField::OfferVisit => Key::BriefOfferVisit,
            BriefField::OfferMaterials => Key::BriefOfferMaterials,
            BriefField::OfferJudge => Key::BriefOfferJudge,
            BriefField::OfferDetails => Key::BriefOfferDetails,
            BriefField::Title => Key::BriefTitle,
            BriefField::Levels => Key::FilterLevel,
            BriefField::Theme => Key::ChallengeTheme,
            BriefField::StandIn => Key::BriefStandIn,
        }
    }

    /// A line of help under the field.
    pub fn help(self) -> Option<Key> {
        match self {
            BriefField::About => Some(Key::BriefAboutHelp),
            BriefField::Problem => Some(Key::BriefProblemHelp),
            BriefField::ForWhom => Some(Key::BriefForWhomHelp),
            BriefField::Limits => Some(Key::BriefLimitsHelp),
            BriefField::StandIn => Some(Key::BriefStandInHelp),
            _ => None,
        }
    }

    /// Whether the field takes several lines.
    pub fn long(self) -> bool {
        matches!(
            self,
            BriefField::About
                | BriefField::Problem
                | BriefField::ForWhom
                | BriefField::Limits
                | BriefField::OfferDetails
        )
    }
}

/// A host brief as the teacher typed it in.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct HostBrief {
    /// The brief's own id (`brief:<id>`), for a challenge id when the host has no name.
    pub id: String,
    pub host_name: String,
    pub host_kind: Option<HostKind>,
    pub about: String,
    pub problem: String,
    pub for_whom: String,
    pub limits: String,
    pub offer_visit: bool,
    pub offer_materials: bool,
    pub offer_judge: bool,
    pub offer_details: String,
    pub title: String,
    pub levels: Vec<Level>,
    pub theme: String,
    pub stand_in: String,
}

/// A brief's value of a yes/no field as saved.
pub const YES: &str = "yes";

impl HostBrief {
    pub fn from_work(id: &str, work: Option<&Work>) -> HostBrief {
        let get = |f: BriefField| {
            work.and_then(|w| w.prop(f.prop()))
                .unwrap_or_default()
                .trim()
                .to_string()
        };
        let yes = |f: BriefField| get(f) == YES;
        HostBrief {
            id: id.to_string(),
            host_name: get(BriefField::HostName),
            host_kind: HostKind::parse(&get(BriefField::HostKind)),
            about: get(BriefField::About),
            problem: get(BriefField::Problem),
            for_whom: get(BriefField::ForWhom),
            limits: get(BriefField::Limits),
            offer_visit: yes(BriefField::OfferVisit),
            offer_materials: yes(BriefField::OfferMaterials),
            offer_judge: yes(BriefField::OfferJudge),
            offer_details: get(BriefField::OfferDetails),
            title: get(BriefField::Title),
            levels: get(BriefField::Levels)
                .split(',')
                .filter_map(|l| Level::parse(l.trim()))
                .collect(),
            theme: get(BriefField::Theme),
            stand_in: get(BriefField::StandIn),
        }
    }

    /// What must be filled in before the brief makes a challenge.
    pub fn missing(&self) -> Vec<Key> {
        let mut out = Vec::new();
        if self.host_name.is_empty() {
            out.push(Key::BriefHostName);
        }
        if self.problem.is_empty() {
            out.push(Key::BriefProblem);
        }
        if self.levels.is_empty() {
            out.push(Key::FilterLevel);
        }
        out
    }

    /// The id of the challenge the brief makes: `spin-in-<host>`, or `spin-in-<brief id>`.
    pub fn challenge_id(&self) -> String {
        let host = slug(&self.host_name);
        let base = if host.is_empty() {
            slug(&self.id)
        } else {
            host
        };
        let id = format!("spin-in-{base}");
        let id: String = id.chars().take(60).collect();
        let id = id.trim_end_matches('-').to_string();
        if Id::new(&id).is_some() {
            id
        } else {
            "spin-in-challenge".into()
        }
    }

    /// The spin-in challenge made from the brief; `None` while something required is
    /// missing ([`HostBrief::missing`]).
    pub fn to_challenge(&self) -> Option<Challenge> {
        if !self.missing().is_empty() {
            return None;
        }
        let host = self.host_name.clone();
        let stand_in = if self.stand_in.is_empty() {
            None
        } else {
            Some(Text::plain(&self.stand_in))
        };
        let mut fixed = template()?;
        let value = json!({
            "$schema": "../schema/challenge.schema.json",
            "id": self.challenge_id(),
            "title": if self.title.is_empty() {
                json!({"da": format!("Spin-in: {host}"), "en": format!("Spin-in: {host}")})
            } else {
                json!(self.title)
            },
            "brief": self.brief_text(),
            "format": ChallengeFormat::SpinIn.id(),
            "levels": self.levels.iter().map(|l| l.id()).collect::<Vec<_>>(),
            "host": {"name": host, "kind": self.host_kind.unwrap_or(HostKind::Company).id()},
            "phases": fixed.remove("phases")?,
            "criteria": fixed.remove("criteria")?,
            "entry": fixed.remove("entry")?,
            "teacher_notes": self.teacher_notes(),
        });
        // Read through the text reader content files use: `from_value` would compile a second
        // reader of the whole challenge format into the wasm for this one caller.
        let mut challenge: Challenge = serde_json::from_str(&value.to_string()).ok()?;
        if !self.theme.is_empty() {
            challenge.theme = Some(Text::plain(&self.theme));
        }
        if let Some(h) = challenge.host.as_mut() {
            h.stand_in = stand_in;
        }
        Some(challenge)
    }

    /// The brief as the pupils read it: the host's words under headings in both languages.
    fn brief_text(&self) -> serde_json::Value {
        let text = |lang: usize| {
            let h = |da: &str, en: &str| {
                if lang == 0 {
                    da.to_string()
                } else {
                    en.to_string()
                }
            };
            let mut parts = Vec::new();
            if self.about.is_empty() {
                parts.push(format!("**{}**", self.host_name));
            } else {
                parts.push(format!("**{}**: {}", self.host_name, self.about));
            }
            parts.push(format!(
                "**{}** {}",
                h("Problemet:", "The problem:"),
                self.problem
            ));
            if !self.for_whom.is_empty() {
                parts.push(format!(
                    "**{}** {}",
                    h("For hvem:", "For whom:"),
                    self.for_whom
                ));
            }
            if !self.limits.is_empty() {
                parts.push(format!("**{}** {}", h("Rammer:", "Limits:"), self.limits));
            }
            let offers = self.offers(lang == 0);
            if !offers.is_empty() {
                parts.push(format!(
                    "**{}** {}",
                    h("Det kan vi tilbyde jer:", "What we can offer you:"),
                    offers
                ));
            }
            parts.join("\n\n")
        };
        json!({"da": text(0), "en": text(1)})
    }

    fn offers(&self, da: bool) -> String {
        let mut list: Vec<&str> = Vec::new();
        if self.offer_visit {
            list.push(if da { "et besøg" } else { "a visit" });
        }
        if self.offer_materials {
            list.push(if da { "materialer" } else { "materials" });
        }
        if self.offer_judge {
            list.push(if da {
                "en dommer til præsentationen"
            } else {
                "a judge for the presentation"
            });
        }
        let mut out = list.join(", ");
        if !out.is_empty() {
            out.push('.');
        }
        if !self.offer_details.is_empty() {
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str(&self.offer_details);
        }
        out
    }

    fn teacher_notes(&self) -> serde_json::Value {
        let notes = |da: bool| {
            let mut parts = vec![if da {
                format!(
                    "Udfordringen er lavet i Spire ud fra en værtsbrief fra **{}**.",
                    self.host_name
                )
            } else {
                format!(
                    "This challenge was made in Spire from a host brief by **{}**.",
                    self.host_name
                )
            }];
            let offers = self.offers(da);
            if !offers.is_empty() {
                parts.push(if da {
                    format!("Værten har tilbudt: {offers} Aftal det praktiske med værten i god tid.")
                } else {
                    format!("The host has offered: {offers} Agree the practical details with the host in good time.")
                });
            }
            parts.push(if self.stand_in.is_empty() {
                if da {
                    "Hvis ingen fra værten kan komme, læser du briefen op som værten og svarer på holdenes spørgsmål ud fra den.".into()
                } else {
                    "If nobody from the host can come, read the brief aloud as the host and answer the teams' questions from it.".into()
                }
            } else if da {
                format!("Hvis ingen fra værten kan komme, spiller {} værten.", self.stand_in)
            } else {
                format!("If nobody from the host can come, {} plays the host.", self.stand_in)
            });
            parts.push(if da {
                "Forløbet har fem faser (ca. 4½ time i alt). Holdene arbejder i Spire som holdprojekter og afslutter med et konkurrencebidrag, der kan printes på én A4-side.".into()
            } else {
                "The challenge has five phases (about 4½ hours in all). Teams work in Spire as team projects and finish with a competition entry that prints on one A4 page.".into()
            });
            parts.join("\n\n")
        };
        json!({"da": notes(true), "en": notes(false)})
    }

    /// The challenge as a content file (pretty JSON), ready for `lessons/challenges/`.
    pub fn to_content_file(&self) -> Option<String> {
        let c = self.to_challenge()?;
        serde_json::to_string_pretty(&c).ok().map(|s| s + "\n")
    }
}

/// The part of every spin-in challenge that does not depend on the brief: its phases and
/// steps, the judges' criteria and the competition entry's parts. Data rather than `json!`
/// code: the macro compiled to ~48 KB of WebAssembly, the text is a third of that and
/// compresses.
const TEMPLATE: &str = include_str!("spin_in_template.json");

/// The fixed parts of [`TEMPLATE`], by name (`phases`, `criteria`, `entry`).
fn template() -> Option<serde_json::Map<String, serde_json::Value>> {
    match serde_json::from_str(TEMPLATE) {
        Ok(serde_json::Value::Object(parts)) => Some(parts),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::content::check::check_folder;
    use crate::core::content::load::load_challenge;
    use crate::core::content::ContentIndex;
    use crate::core::progress::{Progress, WorkRef};
    use crate::core::text::Lang;
    use std::collections::BTreeMap;

    fn filled() -> HostBrief {
        let mut p = Progress::default();
        let r = WorkRef::brief("k2");
        let mut set = |f: BriefField, v: &str| {
            p.set_prop(&r, f.prop(), v, 1);
        };
        set(BriefField::HostName, "Havnens Logistik A/S (fiktiv)");
        set(BriefField::HostKind, "company");
        set(
            BriefField::About,
            "Vi flytter containere fra skib til lastbil.",
        );
        set(
            BriefField::Problem,
            "Lastbilerne holder i kø <b>om morgenen</b>.",
        );
        set(BriefField::ForWhom, "Chauffører og naboer.");
        set(BriefField::Limits, "Højst 10.000 kr.");
        set(BriefField::OfferVisit, YES);
        set(BriefField::OfferJudge, YES);
        set(BriefField::Levels, "udskoling, ungdomsuddannelse, nonsense");
        set(BriefField::StandIn, "læreren som havnechef");
        HostBrief::from_work("k2", p.work(&r))
    }

    #[test]
    fn a_filled_brief_makes_a_spin_in_challenge() {
        let b = filled();
        assert!(b.missing().is_empty());
        assert_eq!(b.levels, [Level::Udskoling, Level::Ungdomsuddannelse]);
        let c = b.to_challenge().unwrap();
        assert_eq!(c.id.as_str(), "spin-in-havnens-logistik-a-s-fiktiv");
        assert_eq!(c.format, ChallengeFormat::SpinIn);
        let host = c.host.as_ref().unwrap();
        assert_eq!(host.kind, HostKind::Company);
        assert_eq!(
            host.stand_in.as_ref().unwrap().get(Lang::Da),
            "læreren som havnechef"
        );
        let brief = c.brief.as_ref().unwrap().get(Lang::Da).to_string();
        assert!(brief.contains("**Problemet:** Lastbilerne holder i kø <b>om morgenen</b>."));
        assert!(brief.contains("et besøg, en dommer til præsentationen."));
        assert!(c
            .brief
            .as_ref()
            .unwrap()
            .get(Lang::En)
            .contains("**The problem:**"));
        let notes = c.teacher_notes.as_ref().unwrap().get(Lang::Da);
        assert!(notes.contains("kan komme, spiller læreren som havnechef værten."));
        assert_eq!(c.minutes(), Some(270));
    }

    #[test]
    fn the_template_holds_phases_criteria_and_entry() {
        let parts = template().expect("the template is a JSON object");
        let names: Vec<&str> = parts.keys().map(String::as_str).collect();
        assert_eq!(names, ["criteria", "entry", "phases"]);
    }

    #[test]
    fn the_exported_file_passes_the_content_check() {
        let b = filled();
        let file = b.to_content_file().unwrap();
        let id = b.challenge_id();
        let index = format!(r#"{{"challenges": ["{id}"]}}"#);
        let loaded = load_challenge(
            &id,
            &file,
            &serde_json::from_str::<ContentIndex>(&index).unwrap(),
        )
        .unwrap();
        assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
        let folder: BTreeMap<String, String> = [
            ("index.json".to_string(), index),
            (format!("challenges/{id}.json"), file),
        ]
        .into();
        let report = check_folder(&folder, Lang::En);
        assert!(report.is_clean(), "{:?}", report.diagnostics);
    }

    #[test]
    fn a_brief_needs_a_host_a_problem_and_a_level() {
        let mut b = HostBrief::from_work("x", None);
        assert_eq!(
            b.missing(),
            [Key::BriefHostName, Key::BriefProblem, Key::FilterLevel]
        );
        assert!(b.to_challenge().is_none());
        b.problem = "P".into();
        b.levels = vec![Level::Videregaaende];
        assert_eq!(b.missing(), [Key::BriefHostName]);
        b.host_name = "!!!".into();
        assert_eq!(b.challenge_id(), "spin-in-x");
        assert!(b.to_challenge().is_some());
    }
}
