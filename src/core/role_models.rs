//! Role models and visitors as the role-model pages use them: the grid's filters (kept in
//! the URL), a card's initials, a real visitor kept as props of saved work, the visitor
//! file a teacher exports and imports, and the interview a class prepares.

use super::content::{Level, RoleModelSummary, Sector};
use super::progress::answer::ideas_in_order;
use super::progress::{Answer, Millis, Progress, RecordId, Work, WorkRef};
use super::route::{pct_encode, query_pairs};
use super::text::{Lang, Text};
use serde::Serialize;
use serde_json::Value;

// ---- the grid's filters -----------------------------------------------------------------

/// The filters of the role-model grid; an empty filter shows everyone.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RoleModelFilter {
    pub level: Option<Level>,
    pub sector: Option<Sector>,
    pub query: String,
}

impl RoleModelFilter {
    /// Reads a query string; unknown keys and values are ignored, never an error.
    pub fn from_query(query: &str) -> RoleModelFilter {
        let mut f = RoleModelFilter::default();
        for (k, v) in query_pairs(query) {
            match k.as_str() {
                "level" => f.level = Level::parse(&v),
                "sector" => f.sector = Sector::parse(&v),
                "q" => f.query = v.chars().take(200).collect(),
                _ => {}
            }
        }
        f
    }

    pub fn to_query(&self) -> String {
        let mut parts = Vec::new();
        if let Some(l) = self.level {
            parts.push(format!("level={}", l.id()));
        }
        if let Some(s) = self.sector {
            parts.push(format!("sector={}", s.id()));
        }
        if !self.query.trim().is_empty() {
            parts.push(format!("q={}", pct_encode(self.query.trim())));
        }
        parts.join("&")
    }

    pub fn is_empty(&self) -> bool {
        *self == RoleModelFilter::default()
    }

    /// True when a fictional profile passes every filter. Search looks at the name, the
    /// business, the headline and the sector, in both languages, ignoring case.
    pub fn matches(&self, m: &RoleModelSummary) -> bool {
        let texts = m
            .business
            .iter()
            .chain([&m.headline])
            .flat_map(|t| t.all())
            .chain([m.name.as_str()]);
        self.matches_person(Some(m.sector), &m.levels, texts)
    }

    /// True when a visitor passes. A visitor listed without levels or sector is for every
    /// level and passes a sector filter only when none is chosen.
    pub fn matches_visitor(&self, v: &Visitor) -> bool {
        let levels = if v.levels.is_empty() {
            Level::ALL
        } else {
            &v.levels[..]
        };
        let texts = [v.name.as_str(), v.business.as_str()];
        self.matches_person(v.sector, levels, texts.into_iter())
    }

    fn matches_person<'a>(
        &self,
        sector: Option<Sector>,
        levels: &[Level],
        texts: impl Iterator<Item = &'a str>,
    ) -> bool {
        let by_level = self.level.is_none_or(|l| levels.contains(&l));
        let by_sector = self.sector.is_none_or(|s| sector == Some(s));
        let query = self.query.trim().to_lowercase();
        if !(by_level && by_sector) {
            return false;
        }
        if query.is_empty() {
            return true;
        }
        let mut haystack: Vec<&str> = texts.collect();
        if let Some(s) = sector {
            haystack.extend([s.label(Lang::Da), s.label(Lang::En)]);
        }
        let haystack = haystack.join(" ").to_lowercase();
        query.split_whitespace().all(|word| haystack.contains(word))
    }
}

/// Up to two initials for a portrait without a picture: "Maja Holm" → "MH".
pub fn initials(name: &str) -> String {
    let words: Vec<&str> = name.split_whitespace().collect();
    let first = |w: &&str| w.chars().next();
    let picked = match words.as_slice() {
        [] => vec![],
        [one] => vec![first(one)],
        [a, .., b] => vec![first(a), first(b)],
    };
    picked
        .into_iter()
        .flatten()
        .flat_map(char::to_uppercase)
        .collect()
}

// ---- a real visitor ---------------------------------------------------------------------

/// The props of a `visitor:<id>` work item.
pub const PROP_NAME: &str = "name";
pub const PROP_BUSINESS: &str = "business";
pub const PROP_SECTOR: &str = "sector";
/// Level ids separated by commas.
pub const PROP_LEVELS: &str = "levels";
/// When the teacher ticked "the person agreed to be listed on this device" (ms, as text).
pub const PROP_CONSENT: &str = "consent";

pub const MAX_NAME_CHARS: usize = 80;
pub const MAX_BUSINESS_CHARS: usize = 120;

/// A local entrepreneur who visits the class, listed by a teacher on this device: name and
/// business only, plus optional sector and levels. Not fictional.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Visitor {
    pub name: String,
    pub business: String,
    pub sector: Option<Sector>,
    pub levels: Vec<Level>,
    /// When consent to be listed on this device was recorded.
    pub consent_at: Millis,
}

/// Why a visitor cannot be saved.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum VisitorProblem {
    NoName,
    NoBusiness,
    NameTooLong,
    BusinessTooLong,
    NoConsent,
}

impl VisitorProblem {
    pub fn message(self, lang: Lang) -> &'static str {
        use VisitorProblem::*;
        match (self, lang) {
            (NoName, Lang::Da) => "Skriv personens navn.",
            (NoName, Lang::En) => "Write the person's name.",
            (NoBusiness, Lang::Da) => "Skriv personens virksomhed.",
            (NoBusiness, Lang::En) => "Write the person's business.",
            (NameTooLong, Lang::Da) => "Navnet må højst være 80 tegn.",
            (NameTooLong, Lang::En) => "The name may be at most 80 characters.",
            (BusinessTooLong, Lang::Da) => "Virksomheden må højst fylde 120 tegn.",
            (BusinessTooLong, Lang::En) => "The business may be at most 120 characters.",
            (NoConsent, Lang::Da) => {
                "Sæt kryds, når personen har sagt ja til at blive vist på denne enhed."
            }
            (NoConsent, Lang::En) => {
                "Tick the box once the person has agreed to be listed on this device."
            }
        }
    }
}

impl Visitor {
    /// A visitor from what a teacher typed; the first problem if it cannot be saved.
    pub fn new(
        name: &str,
        business: &str,
        sector: Option<Sector>,
        levels: Vec<Level>,
        consent_at: Option<Millis>,
    ) -> Result<Visitor, VisitorProblem> {
        let (name, business) = (name.trim(), business.trim());
        if name.is_empty() {
            return Err(VisitorProblem::NoName);
        }
        if business.is_empty() {
            return Err(VisitorProblem::NoBusiness);
        }
        if name.chars().count() > MAX_NAME_CHARS {
            return Err(VisitorProblem::NameTooLong);
        }
        if business.chars().count() > MAX_BUSINESS_CHARS {
            return Err(VisitorProblem::BusinessTooLong);
        }
        let Some(consent_at) = consent_at else {
            return Err(VisitorProblem::NoConsent);
        };
        let mut levels = levels;
        crate::core::sort::sort(&mut levels);
        levels.dedup();
        Ok(Visitor {
            name: name.to_string(),
            business: business.to_string(),
            sector,
            levels,
            consent_at,
        })
    }

    /// The visitor a work item holds; `None` when it was erased or never completed (no
    /// name or no consent: nothing is shown without consent).
    pub fn from_work(work: &Work) -> Option<Visitor> {
        if work.is_deleted() {
            return None;
        }
        let name = work.prop(PROP_NAME).unwrap_or("").trim();
        let consent_at = work.prop(PROP_CONSENT)?.parse::<Millis>().ok()?;
        if name.is_empty() {
            return None;
        }
        Some(Visitor {
            name: name.to_string(),
            business: work.prop(PROP_BUSINESS).unwrap_or("").trim().to_string(),
            sector: work.prop(PROP_SECTOR).and_then(Sector::parse),
            levels: parse_levels(work.prop(PROP_LEVELS).unwrap_or("")),
            consent_at,
        })
    }

    /// Writes the visitor into the props of `r` (bringing it back if it was erased).
    pub fn write(&self, p: &mut Progress, r: &WorkRef, now: Millis) -> bool {
        let levels: Vec<&str> = self.levels.iter().map(|l| l.id()).collect();
        let mut changed = p.restore_work(r, now);
        for (name, value) in [
            (PROP_NAME, self.name.clone()),
            (PROP_BUSINESS, self.business.clone()),
            (
                PROP_SECTOR,
                self.sector.map(|s| s.id()).unwrap_or("").to_string(),
            ),
            (PROP_LEVELS, levels.join(",")),
            (PROP_CONSENT, self.consent_at.to_string()),
        ] {
            changed |= p.set_prop(r, name, &value, now);
        }
        changed
    }
}

fn parse_levels(s: &str) -> Vec<Level> {
    let mut levels: Vec<Level> = s
        .split(',')
        .filter_map(|l| Level::parse(l.trim()))
        .collect();
    crate::core::sort::sort(&mut levels);
    levels.dedup();
    levels
}

/// Every visitor on this device that is not erased, by name.
pub fn visitors(p: &Progress) -> Vec<(String, Visitor)> {
    let mut out: Vec<(String, Visitor)> = p
        .live_work()
        .filter(|(r, _)| r.kind == super::progress::WorkKind::Visitor)
        .filter_map(|(r, w)| Some((r.id, Visitor::from_work(w)?)))
        .collect();
    crate::core::sort::sort_by_key(&mut out, |(id, v)| (v.name.to_lowercase(), id.clone()));
    out
}

/// Erases a visitor and the interview kept with it: every prop and answer is blanked, then
/// the item is deleted. Each is a stamped change, so merging an older copy (another tab, a
/// backup made before) brings neither the person nor the notes back.
pub fn erase_visitor(p: &mut Progress, r: &WorkRef, now: Millis) -> bool {
    let Some(work) = p.work(r) else {
        return false;
    };
    let props: Vec<String> = work.props.keys().cloned().collect();
    let steps: Vec<String> = work.answers.keys().cloned().collect();
    let mut changed = false;
    for step in steps {
        changed |= p.set_answer(
            r,
            &step,
            Answer::Text {
                text: String::new(),
            },
            now,
        );
    }
    for name in props {
        changed |= p.set_prop(r, &name, "", now);
    }
    changed | p.delete_work(r, now)
}

// ---- the visitor file --------------------------------------------------------------------

pub const VISITOR_FILE_TYPE: &str = "spire-visitor";
pub const VISITOR_FILE_VERSION: u32 = 1;
/// Larger files are refused before parsing: a visitor file is a few hundred bytes.
pub const MAX_VISITOR_FILE_BYTES: usize = 64 * 1024;

#[derive(Serialize)]
struct VisitorFile<'a> {
    #[serde(rename = "type")]
    kind: &'static str,
    version: u32,
    exported_at: Millis,
    id: &'a str,
    name: &'a str,
    business: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    sector: Option<&'static str>,
    levels: Vec<&'static str>,
    consent_at: Millis,
}

/// The file a teacher downloads to bring a visitor to another device.
pub fn export_visitor(id: &str, v: &Visitor, now: Millis) -> String {
    let file = VisitorFile {
        kind: VISITOR_FILE_TYPE,
        version: VISITOR_FILE_VERSION,
        exported_at: now,
        id,
        name: &v.name,
        business: &v.business,
        sector: v.sector.map(|s| s.id()),
        levels: v.levels.iter().map(|l| l.id()).collect(),
        consent_at: v.consent_at,
    };
    serde_json::to_string_pretty(&file).unwrap_or_default()
}

/// `spire-visitor-maja-holm.json`: the name in lowercase ASCII letters and digits.
pub fn visitor_file_name(name: &str) -> String {
    let mut slug = String::new();
    for c in name.to_lowercase().chars() {
        let c = match c {
            'æ' => "ae".to_string(),
            'ø' => "oe".to_string(),
            'å' => "aa".to_string(),
            c if c.is_ascii_alphanumeric() => c.to_string(),
            _ => "-".to_string(),
        };
        slug.push_str(&c);
    }
    let slug: Vec<&str> = slug.split('-').filter(|s| !s.is_empty()).collect();
    let slug = slug.join("-");
    if slug.is_empty() {
        "spire-visitor.json".into()
    } else {
        format!("spire-visitor-{slug}.json")
    }
}

/// A visitor read from a file, before the importing teacher records consent on this device.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VisitorImport {
    /// The id the visitor had where it was exported, so importing twice updates one entry.
    pub id: String,
    pub name: String,
    pub business: String,
    pub sector: Option<Sector>,
    pub levels: Vec<Level>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum VisitorFileError {
    TooLarge,
    NotVisitorFile,
    Invalid(VisitorProblem),
}

impl VisitorFileError {
    pub fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (VisitorFileError::TooLarge, Lang::Da) => {
                "Filen er for stor til at være en besøgsfil fra Spire.".into()
            }
            (VisitorFileError::TooLarge, Lang::En) => {
                "The file is too large to be a Spire visitor file.".into()
            }
            (VisitorFileError::NotVisitorFile, Lang::Da) => {
                "Filen er ikke en besøgsfil fra Spire.".into()
            }
            (VisitorFileError::NotVisitorFile, Lang::En) => {
                "The file is not a Spire visitor file.".into()
            }
            (VisitorFileError::Invalid(p), lang) => p.message(lang).into(),
        }
    }
}

/// Reads a visitor file leniently: an unknown sector or level is left out; a missing
/// name or business, another kind of file or bad JSON is an error. Never panics.
pub fn read_visitor_file(bytes: &[u8]) -> Result<VisitorImport, VisitorFileError> {
    if bytes.len() > MAX_VISITOR_FILE_BYTES {
        return Err(VisitorFileError::TooLarge);
    }
    let value: Value =
        serde_json::from_slice(bytes).map_err(|_| VisitorFileError::NotVisitorFile)?;
    if value.get("type").and_then(Value::as_str) != Some(VISITOR_FILE_TYPE) {
        return Err(VisitorFileError::NotVisitorFile);
    }
    let text = |key: &str| value.get(key).and_then(Value::as_str).unwrap_or("");
    let id = text("id");
    let id = match RecordId::parse(id) {
        Some(id) if id.as_str() != "new" => id.to_string(),
        _ => return Err(VisitorFileError::NotVisitorFile),
    };
    let levels = value
        .get("levels")
        .and_then(Value::as_array)
        .map(|a| {
            a.iter()
                .filter_map(Value::as_str)
                .filter_map(Level::parse)
                .collect()
        })
        .unwrap_or_default();
    let sector = Sector::parse(text("sector"));
    // Consent is checked here only for the other fields; the importer records their own.
    let v = Visitor::new(text("name"), text("business"), sector, levels, Some(0))
        .map_err(VisitorFileError::Invalid)?;
    Ok(VisitorImport {
        id,
        name: v.name,
        business: v.business,
        sector: v.sector,
        levels: v.levels,
    })
}

// ---- the interview -----------------------------------------------------------------------

/// The answer keys of an interview, in its own work item (`interview:<role model>`) or
/// kept with a visitor (`visitor:<id>`).
pub const STEP_CHOSEN: &str = "chosen";
/// Chosen questions from the app's general list.
pub const STEP_CHOSEN_GENERAL: &str = "chosen-general";
/// The pupil's own questions: records, so two tabs or devices merge them one by one.
pub const STEP_OWN: &str = "own";

/// A question of a prepared interview.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Question {
    /// The profile's question at this index.
    Profile(usize),
    /// The app's general question at this index.
    General(usize),
    /// A question the pupil wrote.
    Own(RecordId, String),
}

impl Question {
    /// The answer key under which the pupil's notes on the question are kept.
    pub fn answer_step(&self) -> String {
        match self {
            Question::Profile(i) => format!("answer-p{i}"),
            Question::General(i) => format!("answer-g{i}"),
            Question::Own(id, _) => format!("answer-o-{id}"),
        }
    }
}

fn selected(work: Option<&Work>, step: &str) -> Vec<usize> {
    match work.and_then(|w| w.answer(step)) {
        Some(Answer::Choice { selected }) => selected.iter().copied().collect(),
        _ => Vec::new(),
    }
}

/// The questions chosen so far from `profile` profile questions and `general` general
/// ones (indexes past the end, left by edited content, are skipped), then the pupil's own
/// non-empty questions in the order they were written.
pub fn planned_questions(work: Option<&Work>, profile: usize, general: usize) -> Vec<Question> {
    let mut out: Vec<Question> = selected(work, STEP_CHOSEN)
        .into_iter()
        .filter(|&i| i < profile)
        .map(Question::Profile)
        .collect();
    out.extend(
        selected(work, STEP_CHOSEN_GENERAL)
            .into_iter()
            .filter(|&i| i < general)
            .map(Question::General),
    );
    out.extend(
        own_questions(work)
            .into_iter()
            .filter(|(_, text)| !text.trim().is_empty())
            .map(|(id, text)| Question::Own(id, text)),
    );
    out
}

/// The pupil's own questions, in the order they were written (empty ones too: the one
/// being typed).
pub fn own_questions(work: Option<&Work>) -> Vec<(RecordId, String)> {
    ideas_in_order(work.and_then(|w| w.answer(STEP_OWN)))
        .into_iter()
        .map(|(id, idea)| (id, idea.text))
        .collect()
}

/// Toggles question `index` in a chosen-questions answer.
pub fn toggle_choice(current: Option<&Answer>, index: usize, on: bool) -> Answer {
    let mut selected = match current {
        Some(Answer::Choice { selected }) => selected.clone(),
        _ => Default::default(),
    };
    if on {
        selected.insert(index);
    } else {
        selected.remove(&index);
    }
    Answer::Choice { selected }
}

/// A text in both languages from a pair of UI strings (for the general questions).
pub fn both(da: &str, en: &str) -> Text {
    Text::Localized {
        da: Some(da.to_string()),
        en: Some(en.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::content::load::parse_json;
    use crate::core::content::RoleModel;
    use crate::core::progress::merge::merge;
    use crate::core::progress::Idea;

    fn maja() -> RoleModelSummary {
        let m: RoleModel = parse_json(
            r#"{"id":"maja","name":"Maja Holm","fictional":true,
                "business":{"da":"Keramikværksted","en":"Ceramics workshop"},
                "sector":"crafts","levels":["indskoling","mellemtrin"],
                "headline":{"da":"Jeg laver krus","en":"I make mugs"},"story":"…"}"#,
        )
        .unwrap();
        RoleModelSummary::from(&m)
    }

    #[test]
    fn filters_match_and_survive_the_url() {
        let m = maja();
        let q = |s: &str| RoleModelFilter::from_query(s).matches(&m);
        assert!(q(""));
        assert!(q("level=mellemtrin&sector=crafts"));
        assert!(!q("level=udskoling"));
        assert!(!q("sector=tech"));
        assert!(q("q=MAJA") && q("q=ceramics") && q("q=krus") && q("q=h%C3%A5ndv%C3%A6rk"));
        assert!(!q("q=robot"));
        assert!(q("level=space&nonsense=1"));
        let f = RoleModelFilter {
            level: Some(Level::Udskoling),
            sector: Some(Sector::Green),
            query: "grøn & ren".into(),
        };
        assert_eq!(RoleModelFilter::from_query(&f.to_query()), f);
        assert!(RoleModelFilter::default().is_empty());
    }

    #[test]
    fn initials_of_names() {
        for (name, want) in [
            ("Maja Holm", "MH"),
            ("Ida", "I"),
            ("  åse  von der  øster  ", "ÅØ"),
            ("", ""),
        ] {
            assert_eq!(initials(name), want, "{name}");
        }
    }

    fn visitor() -> Visitor {
        Visitor::new(
            " Ole Jensen ",
            "Cykelværksted",
            Some(Sector::Crafts),
            vec![Level::Udskoling, Level::Mellemtrin, Level::Udskoling],
            Some(7),
        )
        .unwrap()
    }

    #[test]
    fn a_visitor_needs_name_business_and_consent() {
        let v = visitor();
        assert_eq!(v.name, "Ole Jensen");
        assert_eq!(v.levels, [Level::Mellemtrin, Level::Udskoling]);
        let new = |n: &str, b: &str, c| Visitor::new(n, b, None, vec![], c);
        assert_eq!(new(" ", "x", Some(1)), Err(VisitorProblem::NoName));
        assert_eq!(new("x", "", Some(1)), Err(VisitorProblem::NoBusiness));
        assert_eq!(new("x", "y", None), Err(VisitorProblem::NoConsent));
        let long = "x".repeat(81);
        assert_eq!(new(&long, "y", Some(1)), Err(VisitorProblem::NameTooLong));
        for p in [VisitorProblem::NoName, VisitorProblem::NoConsent] {
            for lang in Lang::ALL {
                assert!(!p.message(lang).is_empty());
            }
        }
    }

    #[test]
    fn a_visitor_round_trips_through_props_and_filters() {
        let mut p = Progress::default();
        let r = WorkRef::visitor("k3x9a0b");
        assert!(visitor().write(&mut p, &r, 10));
        assert!(!visitor().write(&mut p, &r, 11), "nothing changed");
        let back = Visitor::from_work(p.work(&r).unwrap()).unwrap();
        assert_eq!(back, visitor());
        assert_eq!(visitors(&p), vec![("k3x9a0b".to_string(), visitor())]);
        let f = |s: &str| RoleModelFilter::from_query(s).matches_visitor(&back);
        assert!(f("level=udskoling&sector=crafts&q=cykel"));
        assert!(!f("level=indskoling") && !f("sector=food") && !f("q=keramik"));
        let mut plain = back.clone();
        plain.levels.clear();
        plain.sector = None;
        let f = |s: &str| RoleModelFilter::from_query(s).matches_visitor(&plain);
        assert!(f("level=indskoling"), "no levels: for every level");
        assert!(
            !f("sector=crafts"),
            "no sector: only when no sector is chosen"
        );
        // No consent, no visitor.
        p.set_prop(&r, PROP_CONSENT, "", 12);
        assert_eq!(Visitor::from_work(p.work(&r).unwrap()), None);
    }

    #[test]
    fn erasing_a_visitor_blanks_it_and_merges_safely() {
        let mut p = Progress::default();
        let r = WorkRef::visitor("k3x9a0b");
        visitor().write(&mut p, &r, 10);
        let note = Answer::Text {
            text: "Hun startede som 16-årig".into(),
        };
        p.set_answer(&r, "answer-g0", note, 11);
        let older = p.clone();
        assert!(erase_visitor(&mut p, &r, 20));
        assert!(visitors(&p).is_empty());
        let work = p.work(&r).unwrap();
        assert!(work.is_deleted());
        assert!(work
            .props
            .iter()
            .all(|(k, v)| k == "deleted" || v.value.is_empty()));
        assert_eq!(work.answered_steps(), 0);
        for merged in [merge(&older, &p), merge(&p, &older)] {
            let w = merged.work(&r).unwrap();
            assert!(w.is_deleted() && w.prop(PROP_NAME) == Some(""), "{w:?}");
            assert_eq!(w.answered_steps(), 0);
        }
        assert!(!erase_visitor(&mut p, &WorkRef::visitor("nobody"), 30));
        // Written again (an import), it is back.
        visitor().write(&mut p, &r, 40);
        assert_eq!(visitors(&p).len(), 1);
    }

    #[test]
    fn visitor_files_round_trip_and_bad_files_are_refused() {
        let text = export_visitor("k3x9a0b", &visitor(), 99);
        let read = read_visitor_file(text.as_bytes()).unwrap();
        assert_eq!(read.id, "k3x9a0b");
        assert_eq!(
            (read.name.as_str(), read.business.as_str()),
            ("Ole Jensen", "Cykelværksted")
        );
        assert_eq!(read.sector, Some(Sector::Crafts));
        assert_eq!(read.levels, visitor().levels);
        assert_eq!(
            visitor_file_name("Ole Æbelø Jensen!"),
            "spire-visitor-ole-aebeloe-jensen.json"
        );
        assert_eq!(visitor_file_name("???"), "spire-visitor.json");

        let lenient = r#"{"type":"spire-visitor","id":"abc","name":"A","business":"B",
            "sector":"space","levels":["udskoling","space",3],"extra":true}"#;
        let read = read_visitor_file(lenient.as_bytes()).unwrap();
        assert_eq!((read.sector, read.levels), (None, vec![Level::Udskoling]));

        for bad in [
            &b""[..],
            b"not json",
            b"[]",
            br#"{"type":"spire-backup"}"#,
            br#"{"type":"spire-visitor","id":"../x","name":"A","business":"B"}"#,
            br#"{"type":"spire-visitor","id":"new","name":"A","business":"B"}"#,
            br#"{"type":"spire-visitor","id":"abc","name":3,"business":"B"}"#,
            &[0xff, 0xfe, 0x00][..],
        ] {
            assert!(
                read_visitor_file(bad).is_err(),
                "{:?}",
                String::from_utf8_lossy(bad)
            );
        }
        let missing = br#"{"type":"spire-visitor","id":"abc","name":"A","business":""}"#;
        assert_eq!(
            read_visitor_file(missing),
            Err(VisitorFileError::Invalid(VisitorProblem::NoBusiness))
        );
        let huge = vec![b' '; MAX_VISITOR_FILE_BYTES + 1];
        assert_eq!(read_visitor_file(&huge), Err(VisitorFileError::TooLarge));
        assert!(!VisitorFileError::TooLarge.message(Lang::Da).is_empty());
    }

    #[test]
    fn the_plan_lists_chosen_then_own_questions() {
        let mut p = Progress::default();
        let r = WorkRef::interview("maja");
        assert!(planned_questions(p.work(&r), 3, 5).is_empty());
        let chosen = toggle_choice(None, 2, true);
        let chosen = toggle_choice(Some(&chosen), 0, true);
        let chosen = toggle_choice(Some(&chosen), 7, true);
        p.set_answer(&r, STEP_CHOSEN, chosen, 1);
        p.set_answer(&r, STEP_CHOSEN_GENERAL, toggle_choice(None, 4, true), 2);
        let (a, b, c) = (
            RecordId::from_random(1),
            RecordId::from_random(2),
            RecordId::from_random(3),
        );
        let idea = |t: &str, order| {
            Some(Idea {
                text: t.into(),
                order,
            })
        };
        p.put_record(&r, STEP_OWN, b.clone(), idea("Hvad tjener du?", 20), 3);
        p.put_record(&r, STEP_OWN, a.clone(), idea("Hvorfor ler?", 10), 4);
        p.put_record(&r, STEP_OWN, c, idea("  ", 30), 5);
        let plan = planned_questions(p.work(&r), 3, 5);
        assert_eq!(
            plan,
            [
                Question::Profile(0),
                Question::Profile(2),
                Question::General(4),
                Question::Own(a.clone(), "Hvorfor ler?".into()),
                Question::Own(b, "Hvad tjener du?".into()),
            ],
            "index 7 is past the profile's questions; an empty own question is left out"
        );
        assert_eq!(plan[0].answer_step(), "answer-p0");
        assert_eq!(plan[2].answer_step(), "answer-g4");
        assert_eq!(plan[3].answer_step(), format!("answer-o-{a}"));
        let off = toggle_choice(p.answer(&r, STEP_CHOSEN), 0, false);
        p.set_answer(&r, STEP_CHOSEN, off, 6);
        assert_eq!(planned_questions(p.work(&r), 3, 5)[0], Question::Profile(2));
        assert_eq!(own_questions(p.work(&r)).len(), 3);
    }
}
