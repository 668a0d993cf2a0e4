//! A founder profile for StartUp Dating: who the student is, what they can, and whether they
//! bring an idea. One file format and one share code, both read by **`read_profile`, the one
//! gate for every profile** from outside (files, codes, the organiser's saved copies): size,
//! nesting and text length checked before parsing, wrong types refused, unknown skills and
//! over-long texts dropped or clipped and reported.

use crate::core::i18n::Key;
use crate::core::json_file::{self, EnvelopeError, OpenError};
use crate::core::progress::{Millis, RecordId};
use crate::core::teacher::assignment::clip;
use crate::core::teacher::codec::{checksummed_code, read_checksummed_code, CodeError};
use crate::core::teacher::handin::{normalise_name, scan, HandInError};
use serde_json::{json, Map, Value};

pub const PROFILE_FORMAT: &str = "spire-founder-profile";
pub const PROFILE_VERSION: u64 = 1;
/// A profile file is a few hundred bytes; anything over this is not one.
pub const MAX_PROFILE_BYTES: usize = 16 * 1024;
/// Share codes start with this, then the version and a dot: `SPIREP1.…`.
pub const CODE_PREFIX: &str = "SPIREP";
pub const CODE_VERSION: u32 = 1;
const MAX_CODE_CHARS: usize = 8 * 1024;

pub const MAX_NAME: usize = 40;
pub const MAX_INSTITUTION: usize = 80;
pub const MAX_PROGRAMME: usize = 80;
pub const MAX_INTERESTS: usize = 200;
pub const MAX_IDEA_TITLE: usize = 60;
pub const MAX_IDEA_LINE: usize = 160;
pub const MAX_WISHES: usize = 5;
pub const MAX_HOURS: u8 = 60;

/// The fixed list of skills a founder can bring.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Skill {
    Tech,
    Design,
    Business,
    Sales,
    HealthCare,
    Craft,
    Communication,
    Finance,
    Research,
}

impl Skill {
    pub const ALL: [Skill; 9] = [
        Skill::Tech,
        Skill::Design,
        Skill::Business,
        Skill::Sales,
        Skill::HealthCare,
        Skill::Craft,
        Skill::Communication,
        Skill::Finance,
        Skill::Research,
    ];

    pub fn id(self) -> &'static str {
        match self {
            Skill::Tech => "tech",
            Skill::Design => "design",
            Skill::Business => "business",
            Skill::Sales => "sales",
            Skill::HealthCare => "health-care",
            Skill::Craft => "craft-production",
            Skill::Communication => "communication",
            Skill::Finance => "finance",
            Skill::Research => "research",
        }
    }

    pub fn parse(s: &str) -> Option<Skill> {
        Skill::ALL.into_iter().find(|k| k.id() == s)
    }

    pub fn key(self) -> Key {
        match self {
            Skill::Tech => Key::SkillTech,
            Skill::Design => Key::SkillDesign,
            Skill::Business => Key::SkillBusiness,
            Skill::Sales => Key::SkillSales,
            Skill::HealthCare => Key::SkillHealthCare,
            Skill::Craft => Key::SkillCraft,
            Skill::Communication => Key::SkillCommunication,
            Skill::Finance => Key::SkillFinance,
            Skill::Research => Key::SkillResearch,
        }
    }

    pub fn bit(self) -> u16 {
        1 << (self as u16)
    }
}

/// A set of skills as bits, so matching compares teams in a few instructions.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Skills(pub u16);

impl Skills {
    pub const EVERY: Skills = Skills((1 << 9) - 1);

    pub fn of(list: &[Skill]) -> Skills {
        Skills(list.iter().fold(0, |m, s| m | s.bit()))
    }
    pub fn has(self, s: Skill) -> bool {
        self.0 & s.bit() != 0
    }
    pub fn with(self, s: Skill, on: bool) -> Skills {
        if on {
            Skills(self.0 | s.bit())
        } else {
            Skills(self.0 & !s.bit())
        }
    }
    pub fn count(self) -> u32 {
        (self.0 & Skills::EVERY.0).count_ones()
    }
    pub fn list(self) -> Vec<Skill> {
        Skill::ALL.into_iter().filter(|s| self.has(*s)).collect()
    }
    pub fn ids(self) -> String {
        self.list()
            .iter()
            .map(|s| s.id())
            .collect::<Vec<_>>()
            .join(",")
    }
    /// Reads a comma list of skill ids, ignoring unknown ones.
    pub fn parse_ids(s: &str) -> Skills {
        Skills::of(
            &s.split(',')
                .filter_map(|p| Skill::parse(p.trim()))
                .collect::<Vec<_>>(),
        )
    }
}

/// The kind of institution a founder studies at.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum InstitutionKind {
    University,
    UniversityCollege,
    BusinessAcademy,
    Vocational,
    Gymnasium,
    #[default]
    Other,
}

impl InstitutionKind {
    pub const ALL: [InstitutionKind; 6] = [
        InstitutionKind::University,
        InstitutionKind::UniversityCollege,
        InstitutionKind::BusinessAcademy,
        InstitutionKind::Vocational,
        InstitutionKind::Gymnasium,
        InstitutionKind::Other,
    ];

    pub fn id(self) -> &'static str {
        match self {
            InstitutionKind::University => "university",
            InstitutionKind::UniversityCollege => "university-college",
            InstitutionKind::BusinessAcademy => "business-academy",
            InstitutionKind::Vocational => "vocational",
            InstitutionKind::Gymnasium => "gymnasium",
            InstitutionKind::Other => "other",
        }
    }

    pub fn parse(s: &str) -> Option<InstitutionKind> {
        InstitutionKind::ALL.into_iter().find(|k| k.id() == s)
    }

    pub fn key(self) -> Key {
        match self {
            InstitutionKind::University => Key::KindUniversity,
            InstitutionKind::UniversityCollege => Key::KindUniversityCollege,
            InstitutionKind::BusinessAcademy => Key::KindBusinessAcademy,
            InstitutionKind::Vocational => Key::KindVocational,
            InstitutionKind::Gymnasium => Key::KindGymnasium,
            InstitutionKind::Other => Key::KindOther,
        }
    }
}

/// An idea a founder brings: a title and one line.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct IdeaPitch {
    pub title: String,
    pub line: String,
}

/// A founder profile. `id` is random, made on the student's device, so a profile shared
/// again after an edit replaces the earlier copy at the organiser's; `updated` says which
/// copy is newer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Profile {
    pub id: RecordId,
    pub updated: Millis,
    pub name: String,
    pub institution: String,
    pub kind: InstitutionKind,
    pub programme: String,
    pub skills: Skills,
    pub interests: String,
    /// `Some` when the founder has an idea, `None` when they want to join one.
    pub idea: Option<IdeaPitch>,
    pub hours: u8,
    /// First names of people they want to work with.
    pub wishes: Vec<String>,
}

impl Profile {
    pub fn new(id: RecordId, updated: Millis) -> Profile {
        Profile {
            id,
            updated,
            name: String::new(),
            institution: String::new(),
            kind: InstitutionKind::Other,
            programme: String::new(),
            skills: Skills::default(),
            interests: String::new(),
            idea: None,
            hours: 0,
            wishes: Vec::new(),
        }
    }

    /// The same limits as reading applies: what the writer writes, the reader takes whole.
    pub fn clipped(mut self) -> Profile {
        self.name = clip(&self.name, MAX_NAME, false);
        self.institution = clip(&self.institution, MAX_INSTITUTION, false);
        self.programme = clip(&self.programme, MAX_PROGRAMME, false);
        self.interests = clip(&self.interests, MAX_INTERESTS, false);
        self.idea = self.idea.map(|i| IdeaPitch {
            title: clip(&i.title, MAX_IDEA_TITLE, false),
            line: clip(&i.line, MAX_IDEA_LINE, false),
        });
        self.hours = self.hours.min(MAX_HOURS);
        self.wishes = clean_wishes(self.wishes.iter().map(String::as_str));
        self
    }

    /// What still stops the profile from being shared.
    pub fn problems(&self) -> Vec<Key> {
        let mut out = Vec::new();
        if self.name.trim().is_empty() {
            out.push(Key::ProfileNeedsName);
        }
        if self.institution.trim().is_empty() {
            out.push(Key::ProfileNeedsInstitution);
        }
        if self.skills.count() == 0 {
            out.push(Key::ProfileNeedsSkill);
        }
        if self
            .idea
            .as_ref()
            .is_some_and(|i| i.title.trim().is_empty())
        {
            out.push(Key::ProfileNeedsIdeaTitle);
        }
        out
    }

    /// The key duplicates are found by: the same first name at the same institution.
    pub fn person_key(&self) -> String {
        format!(
            "{}|{}",
            normalise_name(&self.name),
            normalise_name(&self.institution)
        )
    }

    /// The file: a versioned envelope, pretty enough to read.
    pub fn to_json(&self) -> String {
        let idea = match &self.idea {
            Some(i) => json!({"title": i.title, "line": i.line}),
            None => Value::Null,
        };
        let skills: Vec<&str> = self.skills.list().iter().map(|s| s.id()).collect();
        json!({
            "format": PROFILE_FORMAT,
            "version": PROFILE_VERSION,
            "profile": {
                "id": self.id.as_str(),
                "updated": self.updated,
                "name": self.name,
                "institution": self.institution,
                "kind": self.kind.id(),
                "programme": self.programme,
                "skills": skills,
                "interests": self.interests,
                "idea": idea,
                "hours": self.hours,
                "wishes": self.wishes,
            }
        })
        .to_string()
    }
}

fn clean_wishes<'a>(wishes: impl Iterator<Item = &'a str>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for w in wishes {
        let w = clip(w, MAX_NAME, false);
        if !w.is_empty()
            && out.len() < MAX_WISHES
            && !out.iter().any(|o| normalise_name(o) == normalise_name(&w))
        {
            out.push(w);
        }
    }
    out
}

/// The names of a profile's fields as the form keeps them (the student's are props of the
/// work item `profile:mine`, each merged on its own). Values are kept as typed; the limits
/// apply when the profile is built from them.
pub mod field {
    pub const ID: &str = "id";
    pub const NAME: &str = "name";
    pub const INSTITUTION: &str = "institution";
    pub const KIND: &str = "kind";
    pub const PROGRAMME: &str = "programme";
    pub const SKILLS: &str = "skills";
    pub const INTERESTS: &str = "interests";
    /// `"yes"` for an idea, `"no"` to join one, empty when not chosen.
    pub const IDEA: &str = "idea";
    pub const IDEA_TITLE: &str = "idea_title";
    pub const IDEA_LINE: &str = "idea_line";
    pub const HOURS: &str = "hours";
    /// First names separated by commas.
    pub const WISHES: &str = "wishes";
}

/// A profile from the form's fields, with the limits applied.
pub fn profile_from_fields(get: &dyn Fn(&str) -> String, id: RecordId, updated: Millis) -> Profile {
    let idea = (get(field::IDEA) == "yes").then(|| IdeaPitch {
        title: get(field::IDEA_TITLE),
        line: get(field::IDEA_LINE),
    });
    Profile {
        id,
        updated,
        name: get(field::NAME),
        institution: get(field::INSTITUTION),
        kind: InstitutionKind::parse(&get(field::KIND)).unwrap_or_default(),
        programme: get(field::PROGRAMME),
        skills: Skills::parse_ids(&get(field::SKILLS)),
        interests: get(field::INTERESTS),
        idea,
        hours: get(field::HOURS)
            .trim()
            .parse::<u32>()
            .unwrap_or(0)
            .min(u32::from(MAX_HOURS)) as u8,
        wishes: get(field::WISHES).split(',').map(str::to_string).collect(),
    }
    .clipped()
}

/// The form's fields of a profile (to edit an imported one).
pub fn fields_of(p: &Profile) -> Vec<(&'static str, String)> {
    vec![
        (field::NAME, p.name.clone()),
        (field::INSTITUTION, p.institution.clone()),
        (field::KIND, p.kind.id().to_string()),
        (field::PROGRAMME, p.programme.clone()),
        (field::SKILLS, p.skills.ids()),
        (field::INTERESTS, p.interests.clone()),
        (
            field::IDEA,
            if p.idea.is_some() { "yes" } else { "no" }.to_string(),
        ),
        (
            field::IDEA_TITLE,
            p.idea.as_ref().map(|i| i.title.clone()).unwrap_or_default(),
        ),
        (
            field::IDEA_LINE,
            p.idea.as_ref().map(|i| i.line.clone()).unwrap_or_default(),
        ),
        (field::HOURS, p.hours.to_string()),
        (field::WISHES, p.wishes.join(", ")),
    ]
}

/// Why a profile (file or code) was not taken.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ProfileError {
    TooLarge,
    NotText,
    NotJson {
        line: usize,
        column: usize,
    },
    TooDeep,
    HugeText,
    /// Not a founder profile (another file, or not an object).
    NotAProfile,
    FromNewerApp(u64),
    /// A field has the wrong type.
    BadField(&'static str),
    NoName,
    CodeTruncated,
    CodeDamaged,
    CodeFromNewerApp(u32),
    CodeUnpack,
}

impl ProfileError {
    pub fn key(&self) -> Key {
        match self {
            ProfileError::TooLarge => Key::ProfileErrTooLarge,
            ProfileError::NotText | ProfileError::NotJson { .. } | ProfileError::NotAProfile => {
                Key::ProfileErrNotProfile
            }
            ProfileError::TooDeep | ProfileError::HugeText | ProfileError::BadField(_) => {
                Key::ProfileErrBroken
            }
            ProfileError::FromNewerApp(_) | ProfileError::CodeFromNewerApp(_) => {
                Key::ProfileErrNewer
            }
            ProfileError::NoName => Key::ProfileErrNoName,
            ProfileError::CodeTruncated => Key::CodeTruncated,
            ProfileError::CodeDamaged | ProfileError::CodeUnpack => Key::CodeDamaged,
        }
    }
}

/// Something the reader changed to take a profile: reported, the profile kept.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ProfileNote {
    /// Skills not on the list, left out (clipped names).
    UnknownSkills(Vec<String>),
    /// Texts longer than the limit, cut.
    Clipped,
    /// Wishes beyond the limit or repeated, left out.
    WishesDropped,
}

/// A profile as read, with what was changed to read it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReadProfile {
    pub profile: Profile,
    pub notes: Vec<ProfileNote>,
}

fn text(
    obj: &Map<String, Value>,
    name: &'static str,
    max: usize,
    clipped: &mut bool,
) -> Result<String, ProfileError> {
    match obj.get(name) {
        None | Some(Value::Null) => Ok(String::new()),
        Some(Value::String(s)) => {
            let c = clip(s, max, false);
            if c.chars().count() < s.trim().chars().count() {
                *clipped = true;
            }
            Ok(c)
        }
        Some(_) => Err(ProfileError::BadField(name)),
    }
}

fn open_error(e: OpenError) -> ProfileError {
    match e {
        OpenError::TooLarge { .. } => ProfileError::TooLarge,
        OpenError::NotText => ProfileError::NotText,
        OpenError::Empty => ProfileError::NotJson { line: 1, column: 0 },
        OpenError::NotJson { line, column, .. } => ProfileError::NotJson { line, column },
    }
}

/// Reads a profile file (or the unpacked text of a code, or an organiser's saved copy).
/// Never panics; anything not a profile is an error, anything fixable is a note.
pub fn read_profile(bytes: &[u8]) -> Result<ReadProfile, ProfileError> {
    let text_all = json_file::open_text(bytes, MAX_PROFILE_BYTES).map_err(open_error)?;
    scan(text_all.as_bytes()).map_err(|e| match e {
        HandInError::TooDeep => ProfileError::TooDeep,
        _ => ProfileError::HugeText,
    })?;
    let value = json_file::parse(text_all).map_err(open_error)?;
    let obj = json_file::envelope(value, PROFILE_FORMAT, PROFILE_VERSION).map_err(|e| match e {
        EnvelopeError::OtherFormat => ProfileError::NotAProfile,
        EnvelopeError::NoVersion => ProfileError::BadField("version"),
        EnvelopeError::Newer(v) => ProfileError::FromNewerApp(v),
    })?;
    let Some(Value::Object(p)) = obj.get("profile") else {
        return Err(ProfileError::BadField("profile"));
    };
    let id = match p.get("id") {
        Some(Value::String(s)) => RecordId::parse(s).ok_or(ProfileError::BadField("id"))?,
        _ => return Err(ProfileError::BadField("id")),
    };
    let updated = match p.get("updated") {
        None | Some(Value::Null) => 0,
        Some(v) => v
            .as_i64()
            .filter(|&t| t >= 0)
            .ok_or(ProfileError::BadField("updated"))?,
    };
    let mut clipped = false;
    let mut notes = Vec::new();
    let name = text(p, "name", MAX_NAME, &mut clipped)?;
    if name.is_empty() {
        return Err(ProfileError::NoName);
    }
    let institution = text(p, "institution", MAX_INSTITUTION, &mut clipped)?;
    let kind = match p.get("kind") {
        None | Some(Value::Null) => InstitutionKind::Other,
        Some(Value::String(s)) => InstitutionKind::parse(s).unwrap_or_default(),
        Some(_) => return Err(ProfileError::BadField("kind")),
    };
    let programme = text(p, "programme", MAX_PROGRAMME, &mut clipped)?;
    let interests = text(p, "interests", MAX_INTERESTS, &mut clipped)?;
    let mut skills = Skills::default();
    let mut unknown = Vec::new();
    match p.get("skills") {
        None | Some(Value::Null) => {}
        Some(Value::Array(list)) => {
            for s in list {
                match s.as_str().and_then(Skill::parse) {
                    Some(skill) => skills = skills.with(skill, true),
                    None if unknown.len() < 5 => {
                        let shown = s.as_str().map_or_else(|| s.to_string(), str::to_string);
                        unknown.push(clip(&shown, 30, false));
                    }
                    None => {}
                }
            }
        }
        Some(_) => return Err(ProfileError::BadField("skills")),
    }
    if !unknown.is_empty() {
        notes.push(ProfileNote::UnknownSkills(unknown));
    }
    let idea = match p.get("idea") {
        None | Some(Value::Null) => None,
        Some(Value::Object(i)) => {
            let title = text(i, "title", MAX_IDEA_TITLE, &mut clipped)?;
            let line = text(i, "line", MAX_IDEA_LINE, &mut clipped)?;
            (!title.is_empty() || !line.is_empty()).then_some(IdeaPitch { title, line })
        }
        Some(_) => return Err(ProfileError::BadField("idea")),
    };
    let hours = match p.get("hours") {
        None | Some(Value::Null) => 0,
        Some(v) => v
            .as_u64()
            .ok_or(ProfileError::BadField("hours"))?
            .min(u64::from(MAX_HOURS)) as u8,
    };
    let wishes = match p.get("wishes") {
        None | Some(Value::Null) => Vec::new(),
        Some(Value::Array(list)) => {
            let strings: Vec<&str> = list.iter().filter_map(Value::as_str).collect();
            let kept = clean_wishes(strings.iter().copied());
            if kept.len() < list.len() {
                notes.push(ProfileNote::WishesDropped);
            }
            kept
        }
        Some(_) => return Err(ProfileError::BadField("wishes")),
    };
    if clipped {
        notes.push(ProfileNote::Clipped);
    }
    Ok(ReadProfile {
        profile: Profile {
            id,
            updated,
            name,
            institution,
            kind,
            programme,
            skills,
            interests,
            idea,
            hours,
            wishes,
        },
        notes,
    })
}

/// The share code of a deflated profile file: `SPIREP1.` + base64url(deflated ++ CRC-32).
pub fn profile_code(deflated: &[u8]) -> String {
    checksummed_code(CODE_PREFIX, CODE_VERSION, deflated)
}

/// The deflated bytes of a share code, checked. Whitespace inside is ignored.
pub fn read_profile_code(code: &str) -> Result<Vec<u8>, ProfileError> {
    read_checksummed_code(code, CODE_PREFIX, MAX_CODE_CHARS, CODE_VERSION).map_err(|e| match e {
        CodeError::TooLarge => ProfileError::TooLarge,
        CodeError::Damaged | CodeError::BadChecksum => ProfileError::CodeDamaged,
        CodeError::Truncated => ProfileError::CodeTruncated,
        CodeError::FromNewerApp(v) => ProfileError::CodeFromNewerApp(v),
    })
}

/// The share codes in pasted text, one per whitespace-separated word that starts with
/// `SPIREP`. A code wrapped over lines is joined with the following words until its
/// checksum holds. Words that are no code at all are returned too when they look like an
/// attempt (so a mangled code is reported, not silently ignored): see `PastedCode`.
pub fn split_profile_codes(text: &str) -> Vec<String> {
    let words: Vec<&str> = text.split_whitespace().collect();
    let b64 = |w: &str| {
        w.bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
    };
    let mut codes = Vec::new();
    let mut i = 0;
    while i < words.len() {
        let word = words[i];
        i += 1;
        let Some(at) = word.find(CODE_PREFIX) else {
            continue;
        };
        let mut code = word[at..].to_string();
        while i < words.len()
            && read_profile_code(&code).is_err()
            && !words[i].contains(CODE_PREFIX)
            && b64(words[i])
        {
            code.push_str(words[i]);
            i += 1;
        }
        codes.push(code);
    }
    codes
}

/// A safe file name for a profile: `startup-profil-<name>.json`, ASCII only.
pub fn profile_file_name(name: &str) -> String {
    let mut slug = String::new();
    for c in name.to_lowercase().chars() {
        let part = match c {
            'æ' => "ae".to_string(),
            'ø' => "oe".to_string(),
            'å' => "aa".to_string(),
            c if c.is_ascii_alphanumeric() => c.to_string(),
            _ => "-".to_string(),
        };
        slug.push_str(&part);
    }
    let slug: Vec<&str> = slug.split('-').filter(|p| !p.is_empty()).collect();
    let slug: String = slug.join("-").chars().take(40).collect();
    if slug.is_empty() {
        "startup-profil.json".to_string()
    } else {
        format!("startup-profil-{slug}.json")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    pub(crate) fn sample(id: &str, name: &str) -> Profile {
        Profile {
            id: RecordId::parse(id).unwrap(),
            updated: 5,
            name: name.into(),
            institution: "Aalborg Universitet".into(),
            kind: InstitutionKind::University,
            programme: "Medialogi".into(),
            skills: Skills::of(&[Skill::Tech, Skill::Design]),
            interests: "spil, sundhed".into(),
            idea: Some(IdeaPitch {
                title: "Madspild-app".into(),
                line: "Kantiner sælger rester billigt".into(),
            }),
            hours: 8,
            wishes: vec!["Sara".into()],
        }
    }

    #[test]
    fn a_profile_round_trips_through_its_file() {
        let p = sample("abc123", "Jonas");
        let back = read_profile(p.to_json().as_bytes()).unwrap();
        assert_eq!(back.profile, p);
        assert!(back.notes.is_empty());
    }

    #[test]
    fn hostile_and_broken_files_are_refused_with_a_reason() {
        let ok = sample("abc123", "Jonas").to_json();
        let cases: Vec<(Vec<u8>, ProfileError)> = vec![
            (vec![0xff, 0xfe, 0x00], ProfileError::NotText),
            (b"[1,2]".to_vec(), ProfileError::NotAProfile),
            (
                b"{\"format\":\"spire-hand-in\"}".to_vec(),
                ProfileError::NotAProfile,
            ),
            (
                ok.replace("\"version\":1", "\"version\":7").into_bytes(),
                ProfileError::FromNewerApp(7),
            ),
            (
                ok.replace("\"Jonas\"", "\"  \"").into_bytes(),
                ProfileError::NoName,
            ),
            (
                ok.replace("\"hours\":8", "\"hours\":\"otte\"").into_bytes(),
                ProfileError::BadField("hours"),
            ),
            (
                ok.replace("[\"tech\",\"design\"]", "\"tech\"").into_bytes(),
                ProfileError::BadField("skills"),
            ),
            (
                ok.replace("\"abc123\"", "\"../x\"").into_bytes(),
                ProfileError::BadField("id"),
            ),
            (
                format!("{}{}", "[".repeat(40), "]".repeat(40)).into_bytes(),
                ProfileError::TooDeep,
            ),
            (vec![b' '; MAX_PROFILE_BYTES + 1], ProfileError::TooLarge),
            (
                ok.replace("\"Medialogi\"", &format!("\"{}\"", "x".repeat(40_000)))
                    .into_bytes(),
                ProfileError::TooLarge,
            ),
        ];
        for (bytes, want) in cases {
            assert_eq!(
                read_profile(&bytes).map(|_| ()),
                Err(want.clone()),
                "{want:?}"
            );
        }
        assert!(matches!(
            read_profile(&ok.as_bytes()[..ok.len() / 2]),
            Err(ProfileError::NotJson { .. })
        ));
    }

    #[test]
    fn unknown_skills_and_long_texts_are_reported_and_dropped() {
        let ok = sample("abc123", "Jonas").to_json();
        let odd = ok
            .replace("[\"tech\",\"design\"]", "[\"tech\",\"juggling\",42]")
            .replace(
                "\"Sara\"]",
                "\"Sara\",\"sara\",\"Ali\",\"B\",\"C\",\"D\",\"E\"]",
            )
            .replace("\"Medialogi\"", &format!("\"{}\"", "m".repeat(300)));
        let read = read_profile(odd.as_bytes()).unwrap();
        assert_eq!(read.profile.skills, Skills::of(&[Skill::Tech]));
        assert_eq!(read.profile.programme.chars().count(), MAX_PROGRAMME);
        assert_eq!(read.profile.wishes, vec!["Sara", "Ali", "B", "C", "D"]);
        assert!(read.notes.contains(&ProfileNote::UnknownSkills(vec![
            "juggling".into(),
            "42".into()
        ])));
        assert!(read.notes.contains(&ProfileNote::Clipped));
        assert!(read.notes.contains(&ProfileNote::WishesDropped));
    }

    #[test]
    fn codes_catch_cuts_and_changes() {
        let deflated = b"pretend-deflated-profile-bytes".to_vec();
        let code = profile_code(&deflated);
        assert!(code.starts_with("SPIREP1."));
        assert_eq!(read_profile_code(&code), Ok(deflated.clone()));
        assert_eq!(read_profile_code(&format!(" {}\n", code)), Ok(deflated));
        for cut in [code.len() - 1, code.len() - 3, 10] {
            assert!(read_profile_code(&code[..cut]).is_err());
        }
        let mut changed = code.clone().into_bytes();
        let at = changed.len() - 8;
        changed[at] = if changed[at] == b'A' { b'B' } else { b'A' };
        assert!(read_profile_code(std::str::from_utf8(&changed).unwrap()).is_err());
        assert_eq!(
            read_profile_code("SPIREP9.AAAA"),
            Err(ProfileError::CodeFromNewerApp(9))
        );
        assert_eq!(read_profile_code("hello"), Err(ProfileError::CodeDamaged));
        assert_eq!(
            read_profile_code("SPIREP1.a*b"),
            Err(ProfileError::CodeDamaged)
        );
    }

    #[test]
    fn pasted_text_is_split_into_codes_even_wrapped() {
        let a = profile_code(b"first profile bytes");
        let b = profile_code(b"second profile bytes, a bit longer");
        let wrapped = format!(
            "Her er koder:\n{}\n{} {}\nSPIREP1.broken tak",
            a,
            &b[..20],
            &b[20..]
        );
        let codes = split_profile_codes(&wrapped);
        assert_eq!(codes.len(), 3);
        assert_eq!(codes[0], a);
        assert_eq!(codes[1], b);
        assert!(read_profile_code(&codes[2]).is_err());
    }

    #[test]
    fn the_form_fields_make_the_profile_and_back() {
        let p = sample("abc123", "Jonas");
        let fields: std::collections::BTreeMap<&str, String> = fields_of(&p).into_iter().collect();
        let get = |k: &str| fields.get(k).cloned().unwrap_or_default();
        assert_eq!(profile_from_fields(&get, p.id.clone(), 5), p);
        let typed = |k: &str| match k {
            field::NAME => "  Mia  ".to_string(),
            field::HOURS => "999".to_string(),
            field::SKILLS => "tech,nonsense,sales".to_string(),
            field::WISHES => "Ali, , ali ,Bo".to_string(),
            _ => String::new(),
        };
        let q = profile_from_fields(&typed, p.id.clone(), 1);
        assert_eq!(
            (q.name.as_str(), q.hours, q.idea.is_none()),
            ("Mia", MAX_HOURS, true)
        );
        assert_eq!(q.skills, Skills::of(&[Skill::Tech, Skill::Sales]));
        assert_eq!(q.wishes, vec!["Ali", "Bo"]);
        assert_eq!(q.problems(), vec![Key::ProfileNeedsInstitution]);
    }

    #[test]
    fn file_names_are_safe() {
        assert_eq!(
            profile_file_name("Søren Å"),
            "startup-profil-soeren-aa.json"
        );
        assert_eq!(profile_file_name("../../"), "startup-profil.json");
    }

    proptest! {
        #[test]
        fn arbitrary_bytes_never_panic_the_gate(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
            let _ = read_profile(&bytes);
            let _ = read_profile_code(&String::from_utf8_lossy(&bytes));
            let _ = split_profile_codes(&String::from_utf8_lossy(&bytes));
        }

        #[test]
        fn every_written_profile_reads_back(name in "[a-zA-ZæøåÆØÅ ]{1,60}", inst in ".{0,120}",
            skills in 0u16..512, hours in 0u8..=255, idea in proptest::option::of(("[^\"]{1,80}", ".{0,200}")),
            wishes in proptest::collection::vec("[a-z]{1,50}", 0..8)) {
            prop_assume!(!name.trim().is_empty());
            let p = Profile {
                name, institution: inst, skills: Skills(skills), hours,
                idea: idea.map(|(title, line)| IdeaPitch { title, line }),
                wishes,
                ..Profile::new(RecordId::parse("x1").unwrap(), 3)
            }.clipped();
            prop_assume!(!p.name.is_empty());
            let back = read_profile(p.to_json().as_bytes()).unwrap();
            let mut want = p.clone();
            if want.idea.as_ref().is_some_and(|i| i.title.is_empty() && i.line.is_empty()) {
                want.idea = None;
            }
            prop_assert_eq!(back.profile, want);
        }
    }
}
