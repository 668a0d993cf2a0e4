//! The fixed vocabularies of the content format: levels, competences, dimensions, sectors,
//! school subjects and kinds of local offer.

use crate::core::text::Lang;
use serde::{Deserialize, Serialize};

/// Declares a closed vocabulary: its JSON id and its label in Danish and English.
/// Every value must name both labels, so no label can be missing in either language.
macro_rules! vocabulary {
    ($(#[$meta:meta])* $name:ident { $($variant:ident = $id:literal, $da:literal, $en:literal;)+ }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
        pub enum $name {
            $(#[serde(rename = $id)] $variant,)+
        }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant,)+];

            /// The id used in JSON and in URLs.
            pub fn id(self) -> &'static str {
                match self { $($name::$variant => $id,)+ }
            }

            pub fn parse(id: &str) -> Option<$name> {
                match id { $($id => Some($name::$variant),)+ _ => None }
            }

            pub fn label(self, lang: Lang) -> &'static str {
                match (self, lang) {
                    $(($name::$variant, Lang::Da) => $da, ($name::$variant, Lang::En) => $en,)+
                }
            }
        }
    };
}

vocabulary! {
    /// A school level, from 0. klasse to university.
    Level {
        Indskoling = "indskoling", "Indskoling (0.–3. kl.)", "Early years (grades 0–3)";
        Mellemtrin = "mellemtrin", "Mellemtrin (4.–6. kl.)", "Middle years (grades 4–6)";
        Udskoling = "udskoling", "Udskoling (7.–10. kl.)", "Lower secondary (grades 7–10)";
        Ungdomsuddannelse = "ungdomsuddannelse", "Ungdomsuddannelse", "Upper secondary and vocational";
        Videregaaende = "videregaaende", "Videregående uddannelse", "Higher education";
    }
}

vocabulary! {
    /// An EntreComp competence.
    Competence {
        SpottingOpportunities = "spotting-opportunities", "Se muligheder", "Spotting opportunities";
        Creativity = "creativity", "Kreativitet", "Creativity";
        Vision = "vision", "Vision", "Vision";
        ValuingIdeas = "valuing-ideas", "Værdsætte idéer", "Valuing ideas";
        EthicalSustainableThinking = "ethical-sustainable-thinking", "Etisk og bæredygtig tænkning", "Ethical and sustainable thinking";
        SelfAwareness = "self-awareness", "Selvindsigt og tro på egne evner", "Self-awareness and self-efficacy";
        Motivation = "motivation", "Motivation og vedholdenhed", "Motivation and perseverance";
        MobilisingResources = "mobilising-resources", "Skaffe ressourcer", "Mobilising resources";
        FinancialLiteracy = "financial-literacy", "Økonomisk forståelse", "Financial and economic literacy";
        MobilisingOthers = "mobilising-others", "Få andre med", "Mobilising others";
        TakingInitiative = "taking-initiative", "Tage initiativ", "Taking the initiative";
        PlanningManagement = "planning-management", "Planlægning og styring", "Planning and management";
        CopingWithUncertainty = "coping-with-uncertainty", "Håndtere usikkerhed og risiko", "Coping with uncertainty, ambiguity and risk";
        WorkingWithOthers = "working-with-others", "Samarbejde med andre", "Working with others";
        LearningThroughExperience = "learning-through-experience", "Lære af erfaringer", "Learning through experience";
    }
}

vocabulary! {
    /// A dimension of Fonden for Entreprenørskab's progression model.
    Dimension {
        Handling = "handling", "Handling", "Action";
        Kreativitet = "kreativitet", "Kreativitet", "Creativity";
        Omverdensforstaaelse = "omverdensforstaaelse", "Omverdensforståelse", "Understanding the world";
        PersonligIndstilling = "personlig-indstilling", "Personlig indstilling", "Attitude";
    }
}

vocabulary! {
    /// The sector of a role model's business.
    Sector {
        Crafts = "crafts", "Håndværk", "Crafts";
        Tech = "tech", "Teknologi", "Technology";
        Health = "health", "Sundhed og omsorg", "Health and care";
        Food = "food", "Mad", "Food";
        Green = "green", "Grøn omstilling", "Green";
        Creative = "creative", "Kreative fag", "Creative";
        Social = "social", "Socialt entreprenørskab", "Social";
        Retail = "retail", "Handel", "Retail";
        Services = "services", "Service", "Services";
    }
}

vocabulary! {
    /// The style of an innovation challenge.
    ChallengeFormat {
        Edison = "edison", "Edison-opfinderkonkurrence", "Edison inventor competition";
        SpinIn = "spin-in", "Spin-in-udfordring", "Spin-in challenge";
        StartupDating = "startup-dating", "StartUp Dating", "StartUp Dating";
        Open = "open", "Åben udfordring", "Open challenge";
    }
}

vocabulary! {
    /// What kind of body poses a challenge.
    HostKind {
        Company = "company", "Virksomhed", "Company";
        Public = "public", "Offentlig institution", "Public body";
        School = "school", "Skole", "School";
        Organisation = "organisation", "Organisation", "Organisation";
    }
}

vocabulary! {
    /// A school subject a lesson fits (content v1.1): the subjects of the Danish folkeskole,
    /// some of upper secondary, and cross-curricular work.
    Subject {
        Dansk = "dansk", "Dansk", "Danish";
        Engelsk = "engelsk", "Engelsk", "English";
        Matematik = "matematik", "Matematik", "Mathematics";
        NaturTeknologi = "natur-teknologi", "Natur/teknologi", "Science and technology";
        Biologi = "biologi", "Biologi", "Biology";
        Geografi = "geografi", "Geografi", "Geography";
        FysikKemi = "fysik-kemi", "Fysik/kemi", "Physics and chemistry";
        Historie = "historie", "Historie", "History";
        Samfundsfag = "samfundsfag", "Samfundsfag", "Social studies";
        Kristendomskundskab = "kristendomskundskab", "Kristendomskundskab", "Religious education";
        HaandvaerkOgDesign = "haandvaerk-og-design", "Håndværk og design", "Craft and design";
        Billedkunst = "billedkunst", "Billedkunst", "Visual arts";
        Musik = "musik", "Musik", "Music";
        Madkundskab = "madkundskab", "Madkundskab", "Food and home economics";
        Idraet = "idraet", "Idræt", "Physical education";
        Teknologiforstaaelse = "teknologiforstaaelse", "Teknologiforståelse", "Technology comprehension";
        Innovation = "innovation", "Innovation", "Innovation";
        Afsaetning = "afsaetning", "Afsætning", "Marketing";
        Virksomhedsoekonomi = "virksomhedsoekonomi", "Virksomhedsøkonomi", "Business economics";
        Tvaerfagligt = "tvaerfagligt", "Tværfagligt", "Cross-curricular";
    }
}

vocabulary! {
    /// The kind of a local offer (`local.json`, content v1.1).
    OfferKind {
        StartupCafe = "startup-cafe", "Iværksættercafé", "Startup café";
        BusinessAdvisers = "business-advisers", "Erhvervsrådgivning", "Business advisers";
        Event = "event", "Arrangement", "Event";
        Mentors = "mentors", "Mentorer", "Mentors";
        Other = "other", "Andet", "Other";
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_vocabulary_id_parses_back_and_matches_serde() {
        for level in Level::ALL {
            assert_eq!(Level::parse(level.id()), Some(*level));
            let json = serde_json::to_string(level).unwrap();
            assert_eq!(json, format!("\"{}\"", level.id()));
        }
        assert_eq!(Competence::ALL.len(), 15);
        for c in Competence::ALL {
            assert_eq!(Competence::parse(c.id()), Some(*c));
            assert!(!c.label(Lang::Da).is_empty() && !c.label(Lang::En).is_empty());
        }
        assert_eq!(
            Dimension::parse("kreativitet"),
            Some(Dimension::Kreativitet)
        );
        assert_eq!(Sector::parse("space"), None);
        assert_eq!(Subject::ALL.len(), 20);
        for s in Subject::ALL {
            assert_eq!(Subject::parse(s.id()), Some(*s));
            let json = serde_json::to_string(s).unwrap();
            assert_eq!(json, format!("\"{}\"", s.id()));
        }
        assert_eq!(
            OfferKind::parse("startup-cafe"),
            Some(OfferKind::StartupCafe)
        );
    }
}
