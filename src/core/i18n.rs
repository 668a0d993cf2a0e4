//! Every UI string in Danish and English. The `ui_strings!` table takes both languages for
//! each key, so a string missing in either language does not compile.
//! A typed table instead of leptos_i18n: it costs nothing in the download (leptos_i18n
//! adds ~21 KB gzip and a build script) and the compiler checks completeness.

use super::text::Lang;

macro_rules! ui_strings {
    ($($key:ident => $da:literal, $en:literal;)+) => {
        /// A UI string.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum Key { $($key,)+ }

        impl Key {
            pub const ALL: &'static [Key] = &[$(Key::$key,)+];
        }

        /// The text of `key` in `lang`.
        pub fn t(lang: Lang, key: Key) -> &'static str {
            match (key, lang) {
                $((Key::$key, Lang::Da) => $da, (Key::$key, Lang::En) => $en,)+
            }
        }
    };
}

/// Fills `{name}` placeholders.
pub fn fill(template: &str, args: &[(&str, &str)]) -> String {
    args.iter().fold(template.to_string(), |s, (name, value)| {
        s.replace(&format!("{{{name}}}"), value)
    })
}

ui_strings! {
    AppName => "Spire", "Spire";
    Tagline => "Entreprenørskab i undervisningen – fra 0. klasse til universitetet", "Entrepreneurship in the classroom – from year 0 to university";
    SkipToContent => "Spring til indholdet", "Skip to content";
    MainNav => "Hovedmenu", "Main menu";
    NavHome => "Forside", "Home";
    NavLessons => "Forløb", "Lessons";
    NavChallenges => "Udfordringer", "Challenges";
    NavRoleModels => "Rollemodeller", "Role models";
    NavTeacher => "Lærer", "Teacher";
    NavMyWork => "Mit arbejde", "My work";
    NavAbout => "Om Spire", "About Spire";
    NavPrivacy => "Privatliv", "Privacy";
    NavAccessibility => "Tilgængelighed", "Accessibility";
    SwitchLanguage => "English", "Dansk";
    SwitchLanguageLabel => "Switch to English", "Skift til dansk";
    FooterNote => "Spire gemmer alt på denne enhed. Intet sendes nogen steder hen.", "Spire keeps everything on this device. Nothing is sent anywhere.";
    Saved => "Gemt", "Saved";
    Saving => "Gemmer …", "Saving …";
    NotSavedFull => "Ikke gemt – lageret er fuldt", "Not saved — storage is full";
    NotSavedError => "Ikke gemt – browseren afviste at gemme", "Not saved — the browser refused to save";
    NotSavedNewerApp => "Ikke gemt – en nyere udgave af Spire er åben. Det, du ikke havde gemt, er lagt til side under Mit arbejde. Genindlæs siden.", "Not saved — a newer version of Spire is open. What you had not saved is kept aside under My work. Reload the page.";
    NotSavedBlocked => "Ikke gemt – gemte data blev ikke læst", "Not saved — saved data could not be read";
    StorageFullTitle => "Lageret er fuldt", "Storage is full";
    StorageFullBody => "Dit seneste arbejde kunne ikke gemmes. Det, der allerede var gemt, er i behold. Hent en sikkerhedskopi nu, så intet går tabt, og slet gerne gamle data under Mit arbejde.", "Your latest work could not be saved. What was saved before is safe. Download a backup now so nothing is lost, and consider erasing old data under My work.";
    DownloadBackup => "Hent sikkerhedskopi", "Download backup";
    KeptAsideTitle => "Gemte data kunne ikke læses", "Saved data could not be read";
    KeptAsideBody => "Spire fandt gemte data, der ikke kunne læses ({reason}). De er lagt til side uændret – intet er slettet. Du kan hente dem under Mit arbejde.", "Spire found saved data it could not read ({reason}). It has been kept aside unchanged — nothing was deleted. You can download it under My work.";
    PartlyReadBody => "Nogle dele af dine gemte data kunne ikke læses og er lagt til side: {items}. Resten er indlæst.", "Some parts of your saved data could not be read and were kept aside: {items}. The rest has been loaded.";
    Dismiss => "Luk", "Dismiss";
    NotSavedReadOnly => "Ikke gemt – dine data er fra en nyere udgave af Spire", "Not saved — your data is from a newer version of Spire";
    NewerAppTitle => "Spire er blevet opdateret", "Spire has been updated";
    NewerAppBody => "Dit arbejde er gemt af en nyere udgave af Spire (dataversion {version}). Denne fane viser det, du har, men gemmer ikke, så intet bliver overskrevet. Genindlæs siden for at få den nye udgave.", "Your work was saved by a newer version of Spire (data version {version}). This tab shows what it can but does not save, so nothing is overwritten. Reload the page to get the new version.";
    Reload => "Genindlæs", "Reload";
    BlockedTitle => "Spire gemmer ikke lige nu", "Spire is not saving right now";
    BlockedBody => "Spire fandt gemte data, der ikke kunne læses, og der er ikke plads til at lægge en kopi af dem til side. For ikke at overskrive dem gemmer Spire ikke, før der er plads. Hent en sikkerhedskopi af det, du har lavet, og frigør plads – fx ved at slette gamle data under Mit arbejde.", "Spire found saved data it could not read, and there is no room to keep a copy of it aside. So as not to overwrite it, Spire does not save until there is room. Download a backup of your work and free some space — for example by erasing old data under My work.";
    RecallHeading => "Dit svar fra „{work}“", "Your answer from “{work}”";
    RecallEdit => "Ret dit svar i „{work}“", "Edit your answer in “{work}”";
    RecallMissing => "Du har ikke svaret på „{step}“ i „{work}“ endnu.", "You have not answered “{step}” in “{work}” yet.";
    RecallGoThere => "Gå til „{step}“", "Go to “{step}”";
    RecallStepGone => "„{work}“ har ikke længere trinnet {step}.", "“{work}” no longer has the step {step}.";
    Loading => "Indlæser …", "Loading …";
    ContentIndexFailed => "Indholdsfortegnelsen kunne ikke indlæses", "The content index could not be loaded";
    FileProblem => "Problem i {file}", "Problem in {file}";
    NotFoundTitle => "Siden findes ikke", "Page not found";
    NotFoundBody => "Linket er måske forkert eller for gammelt.", "The link may be wrong or out of date.";
    GoHome => "Gå til forsiden", "Go to the home page";
    HomeTitle => "Velkommen til Spire", "Welcome to Spire";
    HomeIntro => "Find et forløb, arbejd dig igennem trinnene, og kom tilbage næste gang – Spire husker, hvor du var.", "Find a lesson, work through its steps and come back next time — Spire remembers where you were.";
    ContinueTitle => "Fortsæt hvor du slap", "Continue where you left off";
    ContinueButton => "Fortsæt", "Continue";
    LastEdited => "Sidst ændret {time}", "Last edited {time}";
    BrowseByLevel => "Find forløb til dit niveau", "Find lessons for your level";
    AllLessons => "Se alle forløb", "See all lessons";
    CatalogueTitle => "Forløb", "Lessons";
    FilterLevel => "Niveau", "Level";
    FilterCompetence => "Kompetence (EntreComp)", "Competence (EntreComp)";
    FilterDimension => "Dimension (FFE)", "Dimension (FFE)";
    FilterDuration => "Varighed", "Duration";
    FilterSearch => "Søg", "Search";
    FilterAny => "Alle", "Any";
    FilterReset => "Nulstil filtre", "Reset filters";
    DurationShort => "Op til 30 min.", "Up to 30 min";
    DurationMedium => "31–60 min.", "31–60 min";
    DurationLong => "Over 60 min.", "Over 60 min";
    Minutes => "{n} min.", "{n} min";
    ResultsCount => "{n} forløb", "{n} lessons";
    NoResults => "Ingen forløb passer til filtrene.", "No lessons match the filters.";
    StatusNotStarted => "Ikke startet", "Not started";
    StatusStep => "Trin {n} af {m}", "Step {n} of {m}";
    StatusDone => "Færdig", "Done";
    StatusAnswered => "{n} af {m} opgaver besvaret", "{n} of {m} tasks answered";
    StatusStarted => "I gang", "In progress";
    Levels => "Niveauer", "Levels";
    Competences => "Kompetencer", "Competences";
    Start => "Start", "Start";
    Open => "Åbn", "Open";
    LessonSteps => "Trin", "Steps";
    StepOf => "Trin {n} af {m}", "Step {n} of {m}";
    Previous => "Forrige", "Previous";
    Next => "Næste", "Next";
    Finish => "Afslut forløbet", "Finish the lesson";
    FinishedTitle => "Godt klaret!", "Well done!";
    FinishedBody => "Du er færdig med forløbet. Dine svar er gemt på denne enhed.", "You have finished the lesson. Your answers are saved on this device.";
    MarkNotDone => "Arbejd videre", "Keep working";
    BackToLessons => "Tilbage til forløbene", "Back to lessons";
    StepBroken => "Dette trin kan ikke vises", "This step cannot be shown";
    StepBrokenBody => "Filen {file} har et problem i trin {step}: {problem}. Resten af forløbet virker.", "The file {file} has a problem in step {step}: {problem}. The rest of the lesson works.";
    LessonProblems => "Indholdsfilen har problemer, som læreren bør rette:", "The content file has problems a teacher should fix:";
    TeacherNotes => "Lærervejledning", "Teacher notes";
    TeacherNotesNone => "Dette forløb har ingen lærervejledning.", "This lesson has no teacher notes.";
    ReadAloud => "Læs op", "Read aloud";
    StopReading => "Stop oplæsning", "Stop reading";
    ReadAloudFailed => "Browseren kan ikke læse op på dette sprog.", "The browser cannot read aloud in this language.";
    YourAnswer => "Dit svar", "Your answer";
    Hint => "Tip", "Hint";
    CharsLeft => "{n} tegn tilbage", "{n} characters left";
    CheckAnswer => "Tjek svar", "Check answer";
    Correct => "Rigtigt!", "Correct!";
    NotQuite => "Ikke helt. Prøv igen.", "Not quite. Try again.";
    ChooseOne => "Vælg ét svar", "Choose one answer";
    ChooseSeveral => "Vælg et eller flere svar", "Choose one or more answers";
    NewIdea => "Ny idé", "New idea";
    AddIdea => "Tilføj idé", "Add idea";
    DeleteIdea => "Slet idé", "Delete idea";
    IdeaNumber => "Idé {n}", "Idea {n}";
    IdeasCount => "{n} idéer", "{n} ideas";
    AnswersCount => "{n} svar", "{n} answers";
    IdeasTarget => "{n} af {m} idéer", "{n} of {m} ideas";
    TimerStart => "Start tid", "Start timer";
    TimerPause => "Pause", "Pause";
    TimerReset => "Nulstil", "Reset";
    TimerLabel => "Tid tilbage", "Time left";
    TimerStarted => "Tiden er startet: {time}", "The timer has started: {time}";
    TimerMinuteLeft => "{n} minutter tilbage", "{n} minutes left";
    TimerDone => "Tiden er gået!", "Time is up!";
    VoteDotsLeft => "Du har {n} prikker tilbage", "You have {n} dots left";
    VoteAddDot => "Giv en prik til: {idea}", "Give a dot to: {idea}";
    VoteRemoveDot => "Fjern en prik fra: {idea}", "Remove a dot from: {idea}";
    VoteDots => "{n} prikker", "{n} dots";
    VoteNoIdeas => "Der er ingen idéer at stemme på endnu. Skriv idéer i trinnet \"{step}\" først.", "There are no ideas to vote on yet. Write ideas in the step \"{step}\" first.";
    VoteScore => "Point for {criterion}", "Score for {criterion}";
    VoteTotal => "I alt: {n}", "Total: {n}";
    CanvasNotesFor => "Noter til {block}", "Notes for {block}";
    CanvasMissing => "Lærredet \"{id}\" kunne ikke indlæses.", "The canvas \"{id}\" could not be loaded.";
    ChecklistDone => "{n} af {m} klaret", "{n} of {m} done";
    Fictional => "Fiktiv person", "Fictional person";
    FictionalNote => "Personen er opdigtet, men historien ligner virkelige iværksætteres.", "This person is invented, but the story is like those of real entrepreneurs.";
    SeeProfile => "Se hele profilen", "See the full profile";
    ReflectionQuestions => "Spørgsmål at tænke over", "Questions to think about";
    PitchSection => "Din tekst: {section}", "Your text: {section}";
    PitchRehearse => "Øv din pitch", "Rehearse your pitch";
    PitchRehearsals => "Øvet {n} gange", "Rehearsed {n} times";
    RubricScale => "Vurdering fra 1 til {n}", "Rating from 1 to {n}";
    RubricComment => "Kommentar", "Comment";
    RubricScore => "{n} af {m}", "{n} of {m}";
    ChallengesTitle => "Udfordringer", "Challenges";
    ChallengesIntro => "Holdprojekter i faser – i stil med Edison-konkurrencen og spin-in-opgaver fra (opdigtede) lokale virksomheder og institutioner.", "Team projects in phases — in the style of the Edison competition and spin-in tasks from (fictional) local companies and institutions.";
    ChallengeHost => "Stillet af", "Posed by";
    ChallengeTheme => "Tema", "Theme";
    ChallengeCriteria => "Dommernes kriterier", "The judges' criteria";
    Phase => "Fase", "Phase";
    NoContent => "Her er intet indhold endnu.", "There is no content here yet.";
    RoleModelsTitle => "Rollemodeller", "Role models";
    RoleModelsIntro => "Mød (opdigtede) lokale iværksættere fra mange brancher og hør, hvordan de kom i gang.", "Meet (fictional) local entrepreneurs from many sectors and hear how they got started.";
    FilterSector => "Branche", "Sector";
    RoleModelPath => "Vejen hertil", "The path here";
    RoleModelAdvice => "Det ville jeg sige til mit yngre jeg", "What I would tell my younger self";
    RoleModelQuestions => "Spørgsmål klassen kan stille", "Questions the class can ask";
    TeacherTitle => "Til læreren", "For teachers";
    TeacherIntro => "Her er alle forløb med lærervejledning. Elevernes svar bliver på deres egne enheder.", "Here are all lessons with teacher notes. Pupils' answers stay on their own devices.";
    MyWorkTitle => "Mit arbejde", "My work";
    MyWorkEmpty => "Du har ikke startet noget endnu.", "You have not started anything yet.";
    MyWorkStarted => "Det har du arbejdet på", "What you have worked on";
    YourName => "Dit navn (bliver kun på denne enhed)", "Your name (stays on this device)";
    BackupTitle => "Sikkerhedskopi", "Backup";
    BackupIntro => "Skole-Chromebooks kan slette data. Hent en sikkerhedskopi, og gendan den på en anden enhed eller senere.", "School Chromebooks can erase data. Download a backup and restore it on another device or later.";
    RestoreBackup => "Gendan fra sikkerhedskopi", "Restore from backup";
    ChooseFile => "Vælg fil", "Choose file";
    DropHere => "… eller slip filen her", "… or drop the file here";
    RestorePreview => "Filen indeholder {items} forløb med {answers} svar.", "The file holds {items} lessons with {answers} answers.";
    RestoreExported => "Lavet {time}.", "Made {time}.";
    RestoreOlder => "Filen er ældre end arbejdet på denne enhed.", "The file is older than the work on this device.";
    RestoreNewer => "Filen er nyere end arbejdet på denne enhed.", "The file is newer than the work on this device.";
    RestoreLoses => "Hvis du erstatter, mister du nyere arbejde i {n} forløb på denne enhed.", "If you replace, you lose newer work in {n} lessons on this device.";
    RestoreDropped => "Nogle dele af filen kunne ikke læses og springes over: {items}", "Some parts of the file could not be read and are skipped: {items}";
    RestoreMerge => "Flet med mit arbejde", "Merge with my work";
    RestoreMergeHelp => "Det nyeste svar vinder for hvert trin. Intet nyere går tabt.", "The newest answer wins for each step. Nothing newer is lost.";
    RestoreReplace => "Erstat mit arbejde", "Replace my work";
    RestoreReplaceConfirm => "Ja, erstat og mist det nyere arbejde", "Yes, replace and lose the newer work";
    Cancel => "Annuller", "Cancel";
    RestoreDone => "Sikkerhedskopien er gendannet.", "The backup has been restored.";
    EraseTitle => "Slet alt på denne enhed", "Erase everything on this device";
    EraseIntro => "Sletter alle svar og al fremgang i Spire på denne enhed. Hent en sikkerhedskopi først.", "Erases all answers and progress in Spire on this device. Download a backup first.";
    EraseButton => "Slet alt …", "Erase everything …";
    EraseConfirm => "Ja, slet alt", "Yes, erase everything";
    EraseDone => "Alt er slettet.", "Everything has been erased.";
    StorageTitle => "Lager", "Storage";
    StoragePersisted => "Browseren har lovet at beholde Spires data.", "The browser has promised to keep Spire's data.";
    StorageNotPersisted => "Browseren kan slette Spires data, hvis der bliver pladsmangel. Hent sikkerhedskopier jævnligt.", "The browser may erase Spire's data when space runs low. Download backups regularly.";
    StorageUsage => "Brugt: {used} af cirka {quota}.", "Used: {used} of about {quota}.";
    StorageUnknown => "Browseren oplyser ikke, hvor meget lager der er brugt.", "The browser does not say how much storage is used.";
    KeptAsideList => "Data lagt til side", "Data kept aside";
    KeptAsideItem => "Lagt til side {time}", "Kept aside {time}";
    Download => "Hent", "Download";
    Delete => "Slet", "Delete";
    AboutTitle => "Om Spire", "About Spire";
    AboutBody => "Spire er et værktøj til entreprenørskab i undervisningen fra 0. klasse til universitetet. Idéen kommer fra Aalborg Kommunes strategi for entreprenørskab: entreprenørskab på alle niveauer, lokale rollemodeller, opfinderkonkurrencer og samarbejde på tværs af uddannelser.\n\nAlt indhold ligger som JSON-filer i mappen lessons/, så lærere og organisationer kan skrive deres egne forløb. Rollemodellerne er opdigtede.\n\nBusiness Model Canvas (Strategyzer) og Lean Canvas (Ash Maurya) bruges under licensen CC BY-SA 3.0.", "Spire is a toolkit for entrepreneurship teaching from year 0 to university. The idea comes from Aalborg Municipality's entrepreneurship strategy: entrepreneurship at every level, local role models, inventor competitions and collaboration across institutions.\n\nAll content lives as JSON files in the lessons/ folder, so teachers and organisations can write their own lessons. The role models are fictional.\n\nThe Business Model Canvas (Strategyzer) and the Lean Canvas (Ash Maurya) are used under the CC BY-SA 3.0 licence.";
    PrivacyTitle => "Privatliv", "Privacy";
    PrivacyBody => "Spire har ingen konti, ingen sporing og ingen statistik. Appen henter kun filer fra den server, den selv kommer fra, og sender aldrig noget af dit arbejde nogen steder hen.\n\nDine svar og dit navn gemmes kun i browseren på denne enhed. De forlader den kun, hvis du selv henter en sikkerhedskopi eller en aflevering og giver den videre.\n\nDu kan når som helst slette alt under Mit arbejde.", "Spire has no accounts, no tracking and no statistics. The app only fetches files from the server it came from and never sends any of your work anywhere.\n\nYour answers and your name are stored only in the browser on this device. They leave it only if you download a backup or a hand-in yourself and pass it on.\n\nYou can erase everything at any time under My work.";
    AccessibilityTitle => "Tilgængelighedserklæring", "Accessibility statement";
    AccessibilityBody => "Spire skal leve op til WCAG 2.1 niveau AA. Alt kan bruges med tastatur, alle felter har etiketter, fokus er altid synligt, og al tekst kan læses op.\n\nSpire respekterer indstillingen for reduceret bevægelse og virker i en bredde ned til 360 pixel.\n\nFinder du en barriere, så fortæl det til den, der har sat Spire op på din skole.", "Spire aims to meet WCAG 2.1 level AA. Everything can be used with a keyboard, every field has a label, focus is always visible and all text can be read aloud.\n\nSpire respects the reduced-motion setting and works at widths down to 360 pixels.\n\nIf you find a barrier, please tell whoever set up Spire at your school.";
    // ---- challenges, team projects, entries, host briefs ----
    ChallengeFilters => "Filtrér udfordringer", "Filter challenges";
    FilterFormat => "Format", "Format";
    ChallengesCount => "{n} udfordringer", "{n} challenges";
    Phases => "Faser", "Phases";
    PhasesWithTime => "Faser (ca. {time} i alt)", "Phases (about {time} in all)";
    TotalTime => "Ca. {time} i alt", "About {time} in all";
    StepsCount => "{n} trin", "{n} steps";
    Materials => "Materialer", "Materials";
    HandsIn => "Det afleverer holdet", "What the team hands in";
    HandsInIntro => "Holdets konkurrencebidrag er én side, bygget af jeres svar på disse trin:", "The team's competition entry is one page, built from your answers to these steps:";
    StandIn => "Hvis ingen fra værten kan komme", "If nobody from the host can come";
    ChallengeAbout => "Om udfordringen", "About the challenge";
    ChallengeTitleLabel => "Udfordring", "Challenge";
    LocalChallenge => "Udfordring lavet på denne enhed", "Challenge made on this device";
    TeamProjectsTitle => "Holdprojekter på denne enhed", "Team projects on this device";
    TeamProjectsNone => "Ingen hold er startet her endnu.", "No team has started here yet.";
    TeamsOnChallenge => "Hold på denne udfordring", "Teams on this challenge";
    TeamName => "Hold {team}", "Team {team}";
    PhasesDone => "{n} af {m} faser klaret", "{n} of {m} phases done";
    StartTeamTitle => "Start som hold", "Start as a team";
    TeamNameLabel => "Holdets navn", "Team name";
    TeamMembersLabel => "Holdets fornavne", "Team members' first names";
    TeamMembersHelp => "Kun fornavne, adskilt med komma – fx Ida, Omar, Sofie.", "First names only, separated by commas — e.g. Ida, Omar, Sofie.";
    MembersCut => "Vi gemmer kun fornavne: {names}", "Only first names are kept: {names}";
    StartNeedsTeam => "Giv holdet et navn.", "Give the team a name.";
    StartNeedsMembers => "Skriv mindst ét fornavn.", "Write at least one first name.";
    StartTeamButton => "Start holdprojekt", "Start team project";
    SoloIntro => "Vil du prøve udfordringen alene?", "Want to try the challenge on your own?";
    SoloLink => "Arbejd alene uden hold", "Work alone without a team";
    ProjectImport => "Hent et holdprojekt fra en fil", "Open a team project from a file";
    ProjectImportHelp => "En projektfil fra en anden enhed. Det nyeste arbejde i hver del bevares.", "A project file from another device. The newest work in each part is kept.";
    ProjectImported => "Hentet og flettet: {teams}", "Opened and merged: {teams}";
    ProjectImportNone => "Filen indeholder ikke noget holdprojekt.", "The file holds no team project.";
    ProjectImportTooLarge => "Filen er for stor til at være en projektfil.", "The file is too large to be a project file.";
    ProjectMissingTitle => "Holdprojektet findes ikke", "Team project not found";
    ProjectMissingBody => "Dette holdprojekt findes ikke på denne enhed. Har holdet en projektfil, kan I hente den under Udfordringer.", "This team project is not on this device. If the team has a project file, open it under Challenges.";
    ProjectNoChallenge => "Udfordringen, som holdet arbejder på, findes ikke længere på denne enhed.", "The challenge this team works on is no longer on this device.";
    ProjectNav => "Holdprojekt", "Team project";
    ProjectOverview => "Oversigt", "Overview";
    ProjectPhases => "Faser", "Phases";
    ProjectBook => "Projektbog", "Project book";
    ProjectEntry => "Konkurrencebidrag", "Competition entry";
    PitchPractice => "Øv pitchen", "Pitch practice";
    ContinueProject => "Fortsæt hvor I slap", "Continue where you left off";
    OpenPhase => "Åbn fasen", "Open the phase";
    GoToEntry => "Gå til konkurrencebidraget", "Go to the competition entry";
    TheTeam => "Holdet", "The team";
    EditTeam => "Ret holdets navn og deltagere", "Change the team's name and members";
    ProjectFileTitle => "Projektfil", "Project file";
    ProjectFileIntro => "Hent holdprojektet som en fil, og åbn den på en anden enhed under Udfordringer. Arbejder I på flere enheder, flettes jeres arbejde – intet nyere går tabt.", "Download the team project as a file and open it on another device under Challenges. If you work on several devices, your work is merged — nothing newer is lost.";
    ProjectExport => "Hent projektfil", "Download project file";
    ProjectDelete => "Slet holdprojektet", "Delete the team project";
    ProjectDeleteConfirm => "Ja, slet holdprojektet", "Yes, delete the team project";
    ProjectStarted => "Startet", "Started";
    OurIdea => "Vores idé", "Our idea";
    IdeaLeading => "Idéen med flest stemmer. Vælg den under afstemningen, eller skriv jeres egen.", "The idea with the most votes. Choose it under the vote, or write your own.";
    IdeaEdit => "Ret idéen", "Edit the idea";
    IdeaSave => "Gem idéen", "Save the idea";
    IdeaChosen => "Valgt", "Chosen";
    ChooseIdeaTitle => "Vælg jeres idé", "Choose your idea";
    ChooseIdeaIntro => "Her er idéerne med flest stemmer. Vælg den, I vil arbejde videre med – den følger med i resten af projektet.", "Here are the ideas with the most votes. Choose the one to take further — it goes with you through the rest of the project.";
    ChooseIdeaButton => "Vælg", "Choose";
    ChooseThisIdea => "Vælg idéen: {idea}", "Choose the idea: {idea}";
    VoteScoreShort => "{n} point", "{n} points";
    VolChart => "VØL-skema", "KWL chart";
    VolIntro => "Skriv, hvad I ved, hvad I ønsker at vide, og hvad I har lært. Skemaet følger med gennem hele projektet.", "Write what you know, what you want to know and what you have learned. The chart goes with you through the whole project.";
    VolKnow => "V – Det ved vi", "K – What we know";
    VolWant => "Ø – Det ønsker vi at vide", "W – What we want to know";
    VolLearned => "L – Det har vi lært", "L – What we learned";
    VolNew => "Ny note: {column}", "New note: {column}";
    VolAdd => "Tilføj", "Add";
    VolCount => "{n} noter", "{n} notes";
    VolDelete => "Slet noten: {note}", "Delete the note: {note}";
    VolClose => "Luk VØL-skemaet", "Close the KWL chart";
    NothingYet => "Intet endnu.", "Nothing yet.";
    ChangedAt => "Ændret {time}", "Changed {time}";
    PrintBook => "Print projektbogen", "Print the project book";
    PitchRehearsalsLabel => "Pitchen øvet", "Pitch rehearsed";
    EntryTeam => "Hold", "Team";
    EntryMembers => "Deltagere", "Members";
    EntryFinalOn => "Endelig", "Final";
    EntryFinalAt => "Gjort endelig {time}", "Made final {time}";
    EntryDraft => "Kladde", "Draft";
    EntryDraftHelp => "Kladde – I kan rette alt, indtil I gør bidraget endeligt.", "Draft — you can change everything until you make the entry final.";
    EntryNothingYet => "Ikke skrevet endnu", "Not written yet";
    EntrySelfAssessment => "Selvevaluering", "Self-assessment";
    EntryAssessHelp => "Vurdér jeres bidrag fra 1 til 4 på hvert af dommernes kriterier, og skriv hvorfor.", "Rate your entry from 1 to 4 on each of the judges' criteria, and say why.";
    JudgesLookFor => "Dommerne ser efter", "The judges look for";
    AssessScore => "{criterion}: {n} af {m}", "{criterion}: {n} of {m}";
    AssessComment => "Kommentar til {criterion}", "Comment on {criterion}";
    EntryCheckTitle => "Tjek før I afleverer", "Check before you hand in";
    EntryAllGood => "Alle dele er udfyldt. Godt arbejde!", "Every part is filled in. Good work!";
    EntryWarnNoTeam => "Holdet har intet navn.", "The team has no name.";
    EntryWarnNoMembers => "Der står ingen deltagere på holdet.", "The team has no members listed.";
    EntryWarnNoIdea => "I har ikke valgt en idé endnu.", "You have not chosen an idea yet.";
    EntryWarnEmpty => "„{part}“ er tom.", "“{part}” is empty.";
    EntryWarnThin => "„{part}“ er tynd: kun {n} ord. Dommerne vil gerne vide mere.", "“{part}” is thin: only {n} words. The judges want to know more.";
    EntryWarnLong => "„{part}“ er lang og bliver printet med lille skrift. Kan I gøre den kortere?", "“{part}” is long and will print in small type. Can you make it shorter?";
    EntryWarnNotAssessed => "I har ikke vurderet jer selv på „{criterion}“.", "You have not rated yourselves on “{criterion}”.";
    PosterTooLong => "Plakaten er for lang til én side, så noget tekst bliver skåret af. Gør de lange dele kortere.", "The poster is too long for one page, so some text is cut off. Make the long parts shorter.";
    PosterLabel => "Plakat", "Poster";
    PrintPoster => "Print plakaten", "Print the poster";
    DownloadJson => "Hent som JSON", "Download as JSON";
    DownloadMarkdown => "Hent som Markdown", "Download as Markdown";
    MakeFinal => "Gør bidraget endeligt", "Make the entry final";
    Reopen => "Åbn for rettelser", "Open for changes";
    EntryEditTitle => "Ret bidraget", "Edit the entry";
    EntryEditHelp => "Teksten er jeres svar fra trinnene. Ret den her til bidraget – jeres svar i trinnene ændres ikke. Tøm et felt for at bruge svaret fra trinnet igen.", "The text is your answers from the steps. Edit it here for the entry — your answers in the steps do not change. Empty a field to use the answer from the step again.";
    EntryUseAnswer => "Brug svaret fra trinnet igen", "Use the answer from the step again";
    NoPitch => "Denne udfordring har ingen pitch at øve.", "This challenge has no pitch to practise.";
    PitchPracticeIntro => "Pitchen varer {time}. Tiden er delt ligeligt mellem afsnittene. Vis siden på projektoren, og øv jer.", "The pitch lasts {time}. The time is shared equally between the sections. Show the page on the projector and practise.";
    PitchEditText => "Ret teksten", "Edit the text";
    PitchSectionOf => "Afsnit {n} af {m}", "Section {n} of {m}";
    PitchNoText => "(Ingen tekst skrevet – sig det med jeres egne ord.)", "(No text written — say it in your own words.)";
    PitchNext => "Derefter: {section}", "Next: {section}";
    PitchLast => "Sidste afsnit", "Last section";
    PitchSectionTime => "Tid tilbage af afsnittet", "Time left in the section";
    PitchTotalLeft => "{time} tilbage i alt", "{time} left in all";
    PitchStart => "Start", "Start";
    PitchNextButton => "Næste afsnit", "Next section";
    PitchFinish => "Færdig – tæl som øvet", "Done — count as rehearsed";
    PitchRestart => "Forfra", "Start over";
    PitchNowNext => "Nu: {now}. {next}", "Now: {now}. {next}";
    PitchPracticeDone => "Godt øvet! I har øvet {n} gange.", "Well rehearsed! You have rehearsed {n} times.";
    HostBriefsTitle => "Værtsbriefs", "Host briefs";
    HostBriefsIntro => "En lokal virksomhed eller offentlig institution kan stille jeres elever en rigtig opgave (spin-in). Print en tom værtsbrief, som værten udfylder. Skriv den ind her, så bliver den til en udfordring på denne enhed, som holdene kan arbejde med – og som I kan hente som indholdsfil.", "A local company or public body can pose your pupils a real task (spin-in). Print a blank host brief for the host to fill in. Type it in here and it becomes a challenge on this device that teams can work on — and that you can download as a content file.";
    HostBriefBlank => "Print en tom værtsbrief", "Print a blank host brief";
    HostBriefNew => "Ny værtsbrief", "New host brief";
    HostBriefsOnDevice => "Værtsbriefs på denne enhed", "Host briefs on this device";
    HostBriefsNone => "Der er ingen værtsbriefs her endnu.", "There are no host briefs here yet.";
    HostBriefUntitled => "Værtsbrief uden navn", "Untitled host brief";
    HostBriefTitle => "Værtsbrief", "Host brief";
    HostBriefFrom => "Værtsbrief fra {host}", "Host brief from {host}";
    HostBriefMissing => "Værtsbriefen findes ikke på denne enhed.", "The host brief is not on this device.";
    HostBriefFormIntro => "Skriv værtens svar ind. Alt gemmes på denne enhed, mens du skriver.", "Type in the host's answers. Everything is saved on this device as you type.";
    HostBriefHostPart => "Det skriver værten", "What the host writes";
    HostBriefTeacherPart => "Det tilføjer læreren", "What the teacher adds";
    HostBriefChallenge => "Udfordringen", "The challenge";
    HostBriefMissingFields => "Udfyld også: {fields}", "Also fill in: {fields}";
    HostBriefDownload => "Hent som indholdsfil", "Download as a content file";
    HostBriefDownloadHelp => "Læg filen i lessons/challenges/, tilføj \"{id}\" under \"challenges\" i lessons/index.json, og kør spire-content index lessons – så kan alle i skolen bruge udfordringen.", "Put the file in lessons/challenges/, add \"{id}\" under \"challenges\" in lessons/index.json and run spire-content index lessons — then everyone at the school can use the challenge.";
    HostBriefDelete => "Slet værtsbriefen", "Delete the host brief";
    HostBriefPrintTitle => "Værtsbrief: en rigtig opgave til vores elever", "Host brief: a real task for our pupils";
    HostBriefPrintIntro => "Tak, fordi I vil stille vores elever en opgave! Skriv kort og konkret. Eleverne arbejder på holdprojekter i nogle uger og præsenterer deres løsninger for jer til sidst.", "Thank you for posing our pupils a task! Write briefly and concretely. The pupils work in team projects for some weeks and present their solutions to you at the end.";
    HostBriefPrintFoot => "Aflever formularen til læreren. Elevernes navne og arbejde bliver på skolens enheder.", "Give the form to the teacher. The pupils' names and work stay on the school's devices.";
    PrintForm => "Print formularen", "Print the form";
    BriefHostName => "Hvem er vi? (navn)", "Who are we? (name)";
    BriefHostKind => "Slags vært", "Kind of host";
    BriefAbout => "Det laver vi", "What we do";
    BriefAboutHelp => "Et par linjer om jeres virksomhed eller institution.", "A few lines about your company or institution.";
    BriefProblem => "Problemet", "The problem";
    BriefProblemHelp => "Hvad er svært eller kunne være bedre? Giv gerne tal og eksempler.", "What is hard or could be better? Numbers and examples help.";
    BriefForWhom => "For hvem?", "For whom?";
    BriefForWhomHelp => "Hvem har problemet – kunder, borgere, ansatte?", "Who has the problem — customers, citizens, staff?";
    BriefLimits => "Rammer", "Limits";
    BriefLimitsHelp => "Hvad skal løsningen holde sig inden for: penge, tid, regler, sikkerhed?", "What must the solution stay within: money, time, rules, safety?";
    BriefOffers => "Det kan vi tilbyde", "What we can offer";
    BriefOfferVisit => "Et besøg", "A visit";
    BriefOfferMaterials => "Materialer", "Materials";
    BriefOfferJudge => "En dommer til præsentationen", "A judge for the presentation";
    BriefOfferDetails => "Mere om det, vi tilbyder", "More about what we offer";
    BriefTitle => "Udfordringens titel", "Title of the challenge";
    BriefStandIn => "Hvem spiller værten, hvis ingen fra værten kan komme?", "Who plays the host if nobody from the host can come?";
    TeacherChallengesTitle => "Udfordringer og holdprojekter", "Challenges and team projects";
    TeacherChallengesIntro => "Tid og materialer pr. fase og lærervejledning til hver udfordring. Vil en lokal virksomhed eller institution stille en opgave?", "Time and materials per phase and teacher notes for each challenge. Does a local company or public body want to pose a task?";
    BriefStandInHelp => "Fx „læreren som havnechef“.", "E.g. “the teacher as harbour manager”.";
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_key_has_text_in_both_languages() {
        for &key in Key::ALL {
            for lang in Lang::ALL {
                assert!(!t(lang, key).trim().is_empty(), "{key:?} in {lang:?}");
            }
        }
    }

    #[test]
    fn placeholders_match_between_languages() {
        let names = |s: &str| {
            let mut v: Vec<String> = s
                .split('{')
                .skip(1)
                .filter_map(|p| p.split_once('}').map(|(n, _)| n.to_string()))
                .collect();
            v.sort();
            v
        };
        for &key in Key::ALL {
            assert_eq!(names(t(Lang::Da, key)), names(t(Lang::En, key)), "{key:?}");
        }
    }

    #[test]
    fn fill_replaces_placeholders() {
        assert_eq!(fill("{n} af {m}", &[("n", "2"), ("m", "5")]), "2 af 5");
    }
}
