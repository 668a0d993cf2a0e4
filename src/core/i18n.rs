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
    AskLevel => "Hvilken klasse går du i?", "Which year are you in?";
    AskLevelHelp => "Så viser Spire forløb til dig først. Du kan altid skifte.", "Then Spire shows lessons for you first. You can always change it.";
    MyLevelLessons => "Forløb til {level}", "Lessons for {level}";
    MyLevelAll => "Se alle forløb til {level}", "See all lessons for {level}";
    ChangeLevel => "Skift klasse", "Change year";
    NoLevelLessons => "Der er ingen forløb til dette niveau endnu.", "There are no lessons for this level yet.";
    YoungMode => "Stor tekst og store knapper (for de yngste)", "Large text and buttons (for the youngest)";
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
    NavCanvases => "Lærreder", "Canvases";
    CanvasesTitle => "Mine lærreder", "My canvases";
    CanvasesIntro => "Et lærred er en tavle med felter, som I fylder med gule sedler: én idé, ét svar eller én tanke på hver. Start et lærred fra en skabelon, giv det et navn, og tag det med til en anden enhed som fil.", "A canvas is a board of blocks that you fill with sticky notes: one idea, answer or thought on each. Start a canvas from a template, give it a name, and take it to another device as a file.";
    CanvasesMine => "Dine lærreder", "Your canvases";
    CanvasesNone => "Du har ikke startet et lærred endnu. Vælg en skabelon nedenfor.", "You have not started a canvas yet. Choose a template below.";
    CanvasGallery => "Start et nyt lærred", "Start a new canvas";
    CanvasStart => "Start lærred", "Start canvas";
    CanvasStartFrom => "Start et lærred med skabelonen {title}", "Start a canvas from the template {title}";
    CanvasOpen => "Åbn", "Open";
    CanvasDuplicate => "Lav en kopi", "Duplicate";
    CanvasDuplicateNamed => "Lav en kopi af {name}", "Duplicate {name}";
    CanvasCopyOf => "{name} (kopi)", "{name} (copy)";
    CanvasDelete => "Slet …", "Delete …";
    CanvasDeleteNamed => "Slet {name} …", "Delete {name} …";
    CanvasDeleteQuestion => "Vil du slette «{name}»? Lærredet og dets noter forsvinder fra denne enhed.", "Delete “{name}”? The canvas and its notes disappear from this device.";
    CanvasDeleteConfirm => "Ja, slet «{name}»", "Yes, delete “{name}”";
    CanvasDeleted => "«{name}» er slettet.", "“{name}” has been deleted.";
    CanvasImport => "Hent et lærred fra en fil", "Import a canvas from a file";
    CanvasImportHelp => "Vælg en lærredsfil, som er gemt med «Gem som fil». Noterne flettes med det, der allerede er på denne enhed, note for note: intet nyere går tabt, og slettede noter kommer ikke igen.", "Choose a canvas file saved with “Save as file”. Its notes are merged with what is already on this device, note by note: nothing newer is lost and deleted notes do not come back.";
    CanvasImported => "«{name}» er hentet ind med {n} noter.", "“{name}” has been imported with {n} notes.";
    CanvasImportDropped => "{n} dele af filen kunne ikke læses og er sprunget over.", "{n} parts of the file could not be read and were skipped.";
    CanvasNotFound => "Dette lærred findes ikke på denne enhed. Er det gemt som fil, kan du hente det ind under Mine lærreder.", "This canvas is not on this device. If it was saved as a file, you can import it under My canvases.";
    CanvasNoTemplate => "Lærredet nævner ikke en skabelon, som Spire kan finde.", "The canvas does not name a template Spire can find.";
    BackToCanvases => "← Mine lærreder", "← My canvases";
    CanvasName => "Lærredets navn", "Name of the canvas";
    CanvasTemplateIs => "Skabelon: {title}", "Template: {title}";
    CanvasTeam => "Hold eller navne (kommer med på print)", "Team or names (printed)";
    NotesCount => "{n} noter", "{n} notes";
    Undo => "Fortryd", "Undo";
    Redo => "Gentag", "Redo";
    Print => "Udskriv", "Print";
    ExportSvg => "Billede (SVG)", "Image (SVG)";
    ExportPng => "Billede (PNG)", "Image (PNG)";
    ExportCanvasFile => "Gem som fil", "Save as file";
    AddNote => "Note", "Note";
    AddNoteTo => "Tilføj en note i {block}", "Add a note to {block}";
    NotePosition => "Note {n} af {m} i {block}", "Note {n} of {m} in {block}";
    NoteHandle => "Flyt note {n} af {m} i {block}", "Move note {n} of {m} in {block}";
    NoteActions => "Handlinger for note {n} af {m} i {block}", "Actions for note {n} of {m} in {block}";
    NoteColour => "Farve", "Colour";
    NoteMoveTo => "Flyt til feltet", "Move to the block";
    NoteMoveUp => "Flyt op", "Move up";
    NoteMoveDown => "Flyt ned", "Move down";
    NoteDelete => "Slet noten", "Delete the note";
    Close => "Luk", "Close";
    ColourYellow => "Gul", "Yellow";
    ColourPink => "Lyserød", "Pink";
    ColourGreen => "Grøn", "Green";
    ColourBlue => "Blå", "Blue";
    ColourOrange => "Orange", "Orange";
    ColourPurple => "Lilla", "Purple";
    NotesWithoutBlock => "Noter uden felt", "Notes without a block";
    StartFromCanvas => "Start fra mit lærred i «{work}»", "Start from my canvas in “{work}”";
    BoardHelpTitle => "Sådan flytter du noter", "How to move notes";
    BoardHelp => "Træk en note i håndtaget ⠿ med musen eller fingeren. Med tastaturet: vælg håndtaget, og brug piletasterne – op og ned i feltet, venstre og højre til forrige og næste felt; Enter åbner notens menu, og Delete sletter noten. Mens du skriver i en note: Alt + piletast. Knappen ⋯ på noten har farver, Flyt og Slet. Fortryd med Ctrl+Z, gentag med Ctrl+Shift+Z.", "Drag a note by its handle ⠿ with the mouse or a finger. With the keyboard: choose the handle and use the arrow keys – up and down within the block, left and right to the previous and next block; Enter opens the note's menu and Delete deletes the note. While writing in a note: Alt + arrow key. The ⋯ button on a note has colours, Move and Delete. Undo with Ctrl+Z, redo with Ctrl+Shift+Z.";
    AnnounceAdded => "Ny note {n} af {m} i {block}.", "New note {n} of {m} in {block}.";
    AnnounceMoved => "Flyttet til {block}: note {n} af {m}.", "Moved to {block}: note {n} of {m}.";
    AnnounceCannotMove => "Noten kan ikke flyttes længere den vej.", "The note cannot move further that way.";
    AnnounceDeleted => "Noten er slettet. Fortryd med Ctrl+Z.", "The note has been deleted. Undo with Ctrl+Z.";
    AnnounceRecoloured => "Farve: {colour}.", "Colour: {colour}.";
    AnnounceCopied => "{n} noter er kopieret ind.", "{n} notes have been copied in.";
    AnnounceUndone => "Fortrudt.", "Undone.";
    AnnounceRedone => "Gentaget.", "Redone.";
    AnnounceNothingToUndo => "Der er intet at fortryde.", "There is nothing to undo.";
    AnnounceNothingToRedo => "Der er intet at gentage.", "There is nothing to redo.";
    AnnounceKeptOther => "{n} noter var ændret i en anden fane og er ikke rørt.", "{n} notes had been changed in another tab and were left alone.";
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
    KindRead => "Læs", "Read";
    KindPrompt => "Spørgsmål", "Question";
    KindChoice => "Vælg", "Choose";
    KindBrainstorm => "Idéstorm", "Brainstorm";
    KindVote => "Afstemning", "Vote";
    KindCanvas => "Lærred", "Canvas";
    KindChecklist => "Tjekliste", "Checklist";
    KindRoleModel => "Rollemodel", "Role model";
    KindPitch => "Pitch", "Pitch";
    KindRubric => "Selvevaluering", "Self-assessment";
    KindBroken => "Trin der ikke kan vises", "Step that cannot be shown";
    StepKinds => "Det laver I", "What you will do";
    NoContent => "Her er intet indhold endnu.", "There is no content here yet.";
    RoleModelsTitle => "Rollemodeller", "Role models";
    RoleModelsIntro => "Mød (opdigtede) lokale iværksættere fra mange brancher og hør, hvordan de kom i gang.", "Meet (fictional) local entrepreneurs from many sectors and hear how they got started.";
    FilterSector => "Branche", "Sector";
    RoleModelPath => "Vejen hertil", "The path here";
    RoleModelAdvice => "Det ville jeg sige til mit yngre jeg", "What I would tell my younger self";
    RoleModelQuestions => "Spørgsmål klassen kan stille", "Questions the class can ask";
    TeacherTitle => "Til læreren", "For teachers";
    TeacherIntro => "Lav opgaver til klassen, find forløb med lærervejledning og lektionsplaner, og kør fælles idéstorme på klassetavlen. Elevernes svar bliver på deres egne enheder, indtil de afleverer.", "Make assignments for the class, find lessons with teacher notes and lesson plans, and run class brainstorms on the class board. Pupils' answers stay on their own devices until they hand in.";
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
    AboutBody => "Spire er et værktøj til entreprenørskab i undervisningen fra 0. klasse til universitetet. Idéen kommer fra Aalborg Kommunes strategi for entreprenørskab: entreprenørskab på alle niveauer, lokale rollemodeller, opfinderkonkurrencer og samarbejde på tværs af uddannelser.\n\nAlt indhold ligger som JSON-filer i mappen lessons/, så lærere og organisationer kan skrive deres egne forløb. Rollemodellerne er opdigtede.\n\nBusiness Model Canvas (Strategyzer AG) og Lean Canvas (Ash Maurya) bruges under licensen CC BY-SA 3.0 (https://creativecommons.org/licenses/by-sa/3.0/deed.da). Spires danske tekst til dem er en bearbejdning og deles under samme licens; resten af Spire er under MIT-licensen.", "Spire is a toolkit for entrepreneurship teaching from year 0 to university. The idea comes from Aalborg Municipality's entrepreneurship strategy: entrepreneurship at every level, local role models, inventor competitions and collaboration across institutions.\n\nAll content lives as JSON files in the lessons/ folder, so teachers and organisations can write their own lessons. The role models are fictional.\n\nThe Business Model Canvas (Strategyzer AG) and the Lean Canvas (Ash Maurya) are used under the CC BY-SA 3.0 licence (https://creativecommons.org/licenses/by-sa/3.0/). Spire's Danish text for them is an adaptation, shared under the same licence; the rest of Spire is under the MIT licence.";
    PrivacyTitle => "Privatliv", "Privacy";
    PrivacyBody => "Spire har ingen konti, ingen sporing og ingen statistik. Appen henter kun filer fra den server, den selv kommer fra, og sender aldrig noget af dit arbejde nogen steder hen.\n\nDine svar og dit navn gemmes kun i browseren på denne enhed. De forlader den kun, hvis du selv henter en sikkerhedskopi eller en aflevering og giver den videre.\n\nDu kan når som helst slette alt under Mit arbejde.", "Spire has no accounts, no tracking and no statistics. The app only fetches files from the server it came from and never sends any of your work anywhere.\n\nYour answers and your name are stored only in the browser on this device. They leave it only if you download a backup or a hand-in yourself and pass it on.\n\nYou can erase everything at any time under My work.";
    // Role models, visitors and interviews.
    PeopleCount => "{n} personer", "{n} people";
    NoPeople => "Ingen personer passer til filtrene.", "No one matches the filters.";
    PrintProfile => "Udskriv profilen", "Print the profile";
    RoleModelLinked => "Forløb og udfordringer med denne person", "Lessons and challenges with this person";
    BackToRoleModels => "Tilbage til rollemodellerne", "Back to the role models";
    VisitorBadge => "Besøgende – ikke fiktiv", "Visitor, not fictional";
    VisitorToolsTitle => "En rigtig iværksætter på besøg", "A real entrepreneur visiting";
    VisitorToolsIntro => "Får klassen besøg af en lokal iværksætter? Som lærer kan du oprette personen her – kun navn og virksomhed, og kun når personen har sagt ja. Profilen bliver på denne enhed, kan bruges til at forberede interviewet, hentes som fil til andre enheder og slettes igen.", "Is a local entrepreneur visiting the class? As a teacher you can add the person here — name and business only, and only once the person has agreed. The profile stays on this device, can be used to prepare the interview, downloaded as a file for other devices, and erased again.";
    AddVisitor => "Tilføj en besøgende", "Add a visitor";
    VisitorFormIntro => "Skriv kun det, personen har sagt ja til at dele: navn og virksomhed, og hvis I vil, branchen og de niveauer, besøget passer til.", "Write only what the person agreed to share: name and business, and if you like, the sector and the levels the visit suits.";
    VisitorName => "Navn", "Name";
    VisitorBusiness => "Virksomhed", "Business";
    VisitorSector => "Branche (valgfri)", "Sector (optional)";
    VisitorNoSector => "Ingen angivet", "Not given";
    VisitorLevels => "Niveauer (valgfri)", "Levels (optional)";
    VisitorConsent => "Personen har sagt ja til at blive vist på denne enhed", "The person agreed to be listed on this device";
    VisitorPrivacy => "Profilen gemmes kun på denne enhed. Den sendes ingen steder hen og kan slettes når som helst.", "The profile is kept on this device only. It is sent nowhere and can be erased at any time.";
    SaveVisitor => "Gem den besøgende", "Save the visitor";
    VisitorMissingTitle => "Besøgende", "Visitor";
    VisitorMissing => "Denne besøgende findes ikke på denne enhed. Måske er profilen slettet, eller den er oprettet på en anden enhed – så kan den hentes ind med en besøgsfil.", "This visitor is not on this device. The profile may have been erased, or it was added on another device — then it can be brought in with a visitor file.";
    VisitorErased => "Den besøgende og jeres interviewnoter er slettet fra denne enhed.", "The visitor and your interview notes have been erased from this device.";
    VisitorConsentGiven => "Vist med personens samtykke (noteret {time}).", "Listed with the person's consent (noted {time}).";
    ExportVisitor => "Hent som fil", "Download as a file";
    EditVisitor => "Ret oplysningerne", "Edit the details";
    EraseVisitor => "Slet den besøgende …", "Erase the visitor …";
    EraseVisitorConfirm => "Ja, slet den besøgende", "Yes, erase the visitor";
    EraseVisitorWarning => "Profilen og interviewnoterne om personen slettes fra denne enhed. Filer, der allerede er hentet, skal slettes for sig.", "The profile and the interview notes about the person are erased from this device. Files already downloaded must be deleted separately.";
    ImportVisitor => "Tilføj en besøgende fra en fil", "Add a visitor from a file";
    ChooseVisitorFile => "Vælg besøgsfil", "Choose a visitor file";
    VisitorWith => "Besøgende: {name}", "Visitor: {name}";
    InterviewTitle => "Forbered et interview", "Prepare an interview";
    InterviewIntro => "Vælg de spørgsmål, I vil stille {name}, skriv jeres egne, og skriv svarene ned under besøget. Alt gemmes på denne enhed.", "Choose the questions you want to ask {name}, write your own, and note the answers during the visit. Everything is saved on this device.";
    InterviewFromProfile => "Spørgsmål fra profilen", "Questions from the profile";
    InterviewGeneral => "Spørgsmål, der passer til alle iværksættere", "Questions that suit any entrepreneur";
    InterviewGeneral1 => "Hvordan fik du idéen til din virksomhed?", "How did you get the idea for your business?";
    InterviewGeneral2 => "Hvad var det sværeste, da du startede?", "What was the hardest part when you started?";
    InterviewGeneral3 => "Hvordan ser en almindelig arbejdsdag ud for dig?", "What does an ordinary working day look like for you?";
    InterviewGeneral4 => "Hvad har du brugt fra skolen i dit arbejde?", "What from school have you used in your work?";
    InterviewGeneral5 => "Hvem hjalp dig på vejen?", "Who helped you along the way?";
    InterviewGeneral6 => "Hvad vil du sige til os, hvis vi gerne vil starte noget selv?", "What would you tell us if we wanted to start something ourselves?";
    InterviewOwn => "Jeres egne spørgsmål", "Your own questions";
    InterviewNewQuestion => "Skriv et nyt spørgsmål", "Write a new question";
    InterviewAddQuestion => "Tilføj spørgsmål", "Add question";
    InterviewOwnNumber => "Eget spørgsmål {n}", "Own question {n}";
    InterviewDeleteQuestion => "Slet eget spørgsmål {n}", "Delete own question {n}";
    InterviewPlan => "Jeres interview med {name}", "Your interview with {name}";
    InterviewPlanEmpty => "Vælg eller skriv spørgsmål ovenfor, så kommer de til at stå her.", "Choose or write questions above and they will appear here.";
    InterviewNotesHelp => "Skriv svarene ned under spørgsmålene, mens I lytter.", "Write the answers under the questions while you listen.";
    InterviewWith => "Interview med {name}", "Interview with {name}";
    // Subjects and courses.
    Subjects => "Fag", "Subjects";
    FilterSubject => "Fag", "Subject";
    NavCourses => "Forløbsplaner", "Courses";
    CoursesTitle => "Forløbsplaner", "Courses";
    CoursesIntro => "Planer over flere uger, der sætter forløb og udfordringer sammen – til et tema, et semester eller et valgfag. Her kan du også se, hvor langt du er nået.", "Plans over several weeks that string lessons and challenges together — for a theme, a term or an elective. Here you can also see how far you have got.";
    NoCourses => "Der er ingen forløbsplaner i dette indhold.", "There are no courses in this content.";
    CourseWeeks => "Uger: {n}", "Weeks: {n}";
    CourseWeek => "Uge {n}", "Week {n}";
    CourseHours => "Lektionstid: ca. {h} t.", "Lesson time: about {h} h";
    CourseUntimed => " + {n} forløb uden angivet tid", " + {n} lessons without a set time";
    CoursePlusChallenge => " + tid til udfordringen", " + time for the challenge";
    CourseProgress => "Fremskridt i forløbsplanen", "Progress through the course";
    CourseProgressText => "{done} af {n} forløb færdige · {pct} % af opgaverne besvaret", "{done} of {n} lessons finished · {pct}% of tasks answered";
    CourseItemMissing => "„{id}“ findes ikke i indholdet", "“{id}” is not in the content";
    CourseChallenge => "Udfordring", "Challenge";
    // Local offers.
    NavLocal => "Lokale tilbud", "Local offers";
    LocalTitle => "Lokale tilbud", "Local offers";
    LocalIntro => "Iværksættercaféer, rådgivning, arrangementer, konkurrencer og mentorer i jeres område – valgt af kommunen eller skolen.", "Startup cafés, advice, events, competitions and mentors in your area — chosen by the municipality or school.";
    LocalNone => "Der står ingen lokale tilbud her endnu. Kommunen eller skolen kan skrive dem i filen lessons/local.json.", "No local offers are listed here yet. The municipality or school can add them in the file lessons/local.json.";
    LocalPlace => "Tilbud i {place}", "Offers in {place}";
    LocalExample => "Dette er et eksempel, der viser, hvilke slags tilbud der kan stå her. Den, der har sat Spire op, skal erstatte det med de rigtige lokale tilbud.", "This is an example showing the kinds of offers that can be listed here. Whoever set up Spire should replace it with the real local offers.";
    LocalCount => "{n} tilbud", "{n} offers";
    LocalWhen => "Hvornår", "When";
    LocalContact => "Kontakt", "Contact";
    LocalReadMore => "Læs mere: {title} (åbner en anden hjemmeside)", "Read more: {title} (opens another website)";
    HomeMoreTitle => "Mere i Spire", "More in Spire";
    StepNumber => "{kind} (trin {n})", "{kind} (step {n})";
    ProgressOf => "{n} af {m}", "{n} of {m}";
    ClassPupil => "Elev", "Pupil";
    ClassHandedIn => "Afleveret", "Handed in";
    AssignmentsTitle => "Opgaver til klassen", "Assignments for the class";
    AssignmentsIntro => "Saml forløb og udfordringer i en opgave, og del den med et link eller en QR-kode. Eleverne afleverer en fil eller en kode, som du lægger ind i klasseoversigten. Intet sendes gennem en server.", "Put lessons and challenges together in an assignment and share it with a link or a QR code. Pupils hand in a file or a code that you add to the class overview. Nothing goes through a server.";
    NewAssignment => "Ny opgave", "New assignment";
    NoAssignments => "Du har ikke lavet nogen opgaver endnu.", "You have not made any assignments yet.";
    Untitled => "Uden titel", "Untitled";
    CopyOf => "{title} (kopi)", "{title} (copy)";
    ItemsCount => "{n} forløb og udfordringer", "{n} lessons and challenges";
    DueOn => "Afleveres {date}", "Due {date}";
    Duplicate => "Kopiér", "Duplicate";
    DeleteConfirm => "Ja, slet", "Yes, delete";
    BackToTeacher => "Tilbage til lærersiden", "Back to the teacher page";
    AssignmentGone => "Opgaven findes ikke på denne enhed (den kan være slettet).", "The assignment is not on this device (it may have been deleted).";
    ClassLabel => "Klasse", "Class";
    ClassLabelExample => "fx 6.B", "e.g. 6.B";
    AssignmentTitleLabel => "Titel", "Title";
    DueDate => "Afleveringsdato", "Due date";
    NoteToClass => "Besked til klassen", "Note to the class";
    SelectedItems => "Valgt ({n})", "Selected ({n})";
    NothingSelected => "Vælg forløb og udfordringer nedenfor.", "Pick lessons and challenges below.";
    KindLesson => "Forløb", "Lesson";
    KindChallenge => "Udfordring", "Challenge";
    MoveUp => "Flyt {item} op", "Move {item} up";
    MoveDown => "Flyt {item} ned", "Move {item} down";
    RemoveItem => "Fjern {item} fra opgaven", "Remove {item} from the assignment";
    Remove => "Fjern", "Remove";
    LessonPlan => "Lektionsplan", "Lesson plan";
    PickItems => "Vælg forløb og udfordringer", "Pick lessons and challenges";
    CandidatesCount => "{n} at vælge imellem", "{n} to choose from";
    ShareTitle => "Del med klassen", "Share with the class";
    ShareNeedsItems => "Vælg mindst ét forløb eller én udfordring, så laver Spire et link og en QR-kode.", "Pick at least one lesson or challenge and Spire makes a link and a QR code.";
    ShareIntro => "Hele opgaven står i linket. Del det i jeres læringsplatform, eller vis QR-koden på projektoren. Retter du opgaven, så del det nye link.", "The whole assignment is in the link. Share it on your learning platform or show the QR code on the projector. If you change the assignment, share the new link.";
    AssignmentLink => "Link til opgaven", "Link to the assignment";
    CopyLink => "Kopiér link", "Copy link";
    Copied => "Kopieret.", "Copied.";
    CopyFailed => "Kunne ikke kopiere – markér teksten, og kopiér selv.", "Could not copy — select the text and copy it yourself.";
    LinkLength => "{n} tegn", "{n} characters";
    QrLabel => "QR-kode med linket til opgaven", "QR code with the link to the assignment";
    ShowOnProjector => "Vis QR-koden stort", "Show the QR code full screen";
    ClassOverviewTitle => "Klasseoversigt", "Class overview";
    ClassOverviewIntro => "Læg elevernes afleveringer ind her. De bliver på denne enhed, indtil du sletter dem.", "Add the pupils' hand-ins here. They stay on this device until you erase them.";
    TeacherLessonsTitle => "Alle forløb med lærervejledning", "All lessons with teacher notes";
    BoardPointer => "Trin, som hele klassen laver sammen (fælles idéstorm og afstemning), kan køres på klassetavlen på projektoren.", "Steps the whole class does together (a class brainstorm and vote) can be run on the class board on the projector.";
    BoardTitle => "Klassetavle", "Class board";
    BoardFor => "Klassetavle: {lesson}", "Class board: {lesson}";
    BoardNoBrainstorm => "Dette forløb har ingen idéstorm at lave på klassetavlen.", "This lesson has no brainstorm to do on the class board.";
    BoardChooseStep => "Idéstorm", "Brainstorm";
    BoardVoteHint => "Afstemning: hver elev har {n} prikker. Tæl hænderne, og giv prikker med +1.", "Vote: each pupil has {n} dots. Count the hands and give dots with +1.";
    BoardNewIdea => "Klassens idé", "The class's idea";
    BoardCount => "{n} idéer · {dots} prikker", "{n} ideas · {dots} dots";
    DeleteIdeaNamed => "Slet idéen: {idea}", "Delete the idea: {idea}";
    BoardSortByDots => "Sortér efter prikker", "Sort by dots";
    FullScreen => "Fuld skærm", "Full screen";
    BoardClear => "Ryd tavlen …", "Clear the board …";
    BoardClearConfirm => "Ja, ryd tavlen", "Yes, clear the board";
    BoardFromHandIns => "Hent elevernes idéer fra afleveringer", "Take the pupils' ideas from hand-ins";
    BoardTakeFrom => "Hent fra {assignment}", "Take from {assignment}";
    BoardTaken => "{n} nye idéer er sat på tavlen.", "{n} new ideas were put on the board.";
    AssignmentFromTeacher => "Opgave fra din lærer", "Assignment from your teacher";
    LinkProblemTitle => "Linket kan ikke åbnes", "The link cannot be opened";
    LinkTruncated => "Linket er ikke helt. Måske blev det ikke kopieret til ende.", "The link is not complete. Maybe it was not copied to the end.";
    LinkDamaged => "Linket er ødelagt – nogle tegn er ændret.", "The link is damaged — some characters have changed.";
    LinkNewer => "Linket er lavet med en nyere udgave af Spire. Genindlæs siden, eller bed din lærer om hjælp.", "The link was made with a newer version of Spire. Reload the page, or ask your teacher for help.";
    LinkProblemHelp => "Intet er ændret. Bed din lærer om linket igen, eller scan QR-koden.", "Nothing has been changed. Ask your teacher for the link again, or scan the QR code.";
    ForClass => "Til {class}", "For {class}";
    AssignmentItems => "Forløb og udfordringer", "Lessons and challenges";
    AlreadyHave => "Du har allerede denne opgave under Mine opgaver.", "You already have this assignment under My assignments.";
    PupilNameLabel => "Dit navn eller klassenummer", "Your name or class number";
    PupilNameHelp => "Står på din aflevering, så læreren ved, hvem den er fra. Det bliver på denne enhed.", "Goes on your hand-in so your teacher knows whose it is. It stays on this device.";
    NameMissing => "Skriv dit navn eller dit klassenummer først.", "Write your name or class number first.";
    AddAssignment => "Tilføj til mine opgaver", "Add to my assignments";
    OpenAssignment => "Åbn opgaven", "Open the assignment";
    MyAssignments => "Mine opgaver", "My assignments";
    TeacherTakeHelp => "Er du læreren og på en anden enhed end der, hvor du lavede opgaven?", "Are you the teacher, on another device than the one you made the assignment on?";
    TeacherTake => "Læg opgaven på lærersiden her", "Put the assignment on the Teacher page here";
    Overdue => "Overskredet", "Overdue";
    ItemsDone => "{n} af {m} færdige", "{n} of {m} done";
    RemoveAssignment => "Fjern opgaven", "Remove the assignment";
    RemoveAssignmentHelp => "Opgaven forsvinder fra Mine opgaver. Dine svar i forløbene bliver.", "The assignment disappears from My assignments. Your answers in the lessons stay.";
    HandInTitle => "Aflevér", "Hand in";
    HandInIntro => "Hent en afleveringsfil og giv den til din lærer, eller lav en afleveringskode og sæt den ind i jeres læringsplatform. Afleverer du igen, erstatter det den gamle aflevering.", "Download a hand-in file and give it to your teacher, or make a hand-in code and paste it into your learning platform. If you hand in again, it replaces the old hand-in.";
    HandedInAt => "Afleveret {time}", "Handed in {time}";
    NotHandedIn => "Ikke afleveret endnu", "Not handed in yet";
    DownloadHandIn => "Hent afleveringsfil", "Download hand-in file";
    MakeHandInCode => "Lav afleveringskode", "Make hand-in code";
    HandInCode => "Afleveringskode", "Hand-in code";
    CopyCode => "Kopiér koden", "Copy the code";
    CodeUnsupported => "Denne browser kan ikke lave koder. Hent afleveringsfilen i stedet.", "This browser cannot make codes. Download the hand-in file instead.";
    HandInFilePrefix => "aflevering", "hand-in";
    ClassFilePrefix => "klasseoversigt", "class-overview";
    ImportTitle => "Læg afleveringer ind", "Add hand-ins";
    ImportIntro => "Vælg eller slip mange afleveringsfiler på én gang, eller sæt koder ind fra læringsplatformen. Afleveringer til andre opgaver, dubletter og ødelagte filer springes over, og du får at vide hvorfor.", "Choose or drop many hand-in files at once, or paste codes from the learning platform. Hand-ins for other assignments, duplicates and broken files are skipped, and you are told why.";
    ChooseFiles => "Vælg filer", "Choose files";
    DropFilesHere => "… eller slip filerne her", "… or drop the files here";
    PasteCodes => "Afleveringskoder (én eller flere)", "Hand-in codes (one or more)";
    ImportCodes => "Læg koderne ind", "Add the codes";
    CodeSource => "Kode {n}", "Code {n}";
    ImportSummary => "{added} tilføjet, {replaced} erstattet, {skipped} sprunget over.", "{added} added, {replaced} replaced, {skipped} skipped.";
    OutcomeAdded => "tilføjet", "added";
    OutcomeReplaced => "erstattede en ældre aflevering", "replaced an earlier hand-in";
    OutcomeDuplicate => "sprunget over – den samme aflevering er her allerede", "skipped — the same hand-in is already here";
    OutcomeOlder => "sprunget over – en nyere aflevering fra samme elev er her", "skipped — a newer hand-in from the same pupil is here";
    OutcomePartly => "({n} dele kunne ikke læses og er udeladt)", "({n} parts could not be read and were left out)";
    HandInTooLarge => "sprunget over – filen er for stor til at være en aflevering", "skipped — the file is too large to be a hand-in";
    HandInNotHandIn => "sprunget over – ikke en afleveringsfil fra Spire", "skipped — not a Spire hand-in file";
    HandInBroken => "sprunget over – filen er ødelagt eller har en forkert form", "skipped — the file is broken or has the wrong shape";
    HandInNewer => "sprunget over – lavet med en nyere udgave af Spire", "skipped — made with a newer version of Spire";
    HandInNoName => "sprunget over – afleveringen har intet navn", "skipped — the hand-in has no name";
    HandInOtherAssignment => "sprunget over – hører til en anden opgave ({assignment})", "skipped — belongs to another assignment ({assignment})";
    CodeTruncated => "sprunget over – koden er ikke hel", "skipped — the code is not complete";
    CodeDamaged => "sprunget over – koden er ødelagt", "skipped — the code is damaged";
    HandInsCount => "Afleveringer ({n})", "Hand-ins ({n})";
    NoHandIns => "Ingen afleveringer endnu.", "No hand-ins yet.";
    RemoveHandIn => "Fjern afleveringen fra {pupil}", "Remove the hand-in from {pupil}";
    SideBySide => "Svarene side om side", "Answers side by side";
    NoAnswer => "Intet svar", "No answer";
    Actions => "Handlinger", "Actions";
    ExportCsv => "Eksportér til regneark (CSV)", "Export to spreadsheet (CSV)";
    EraseHandInsTitle => "Slet afleveringerne", "Erase the hand-ins";
    EraseHandInsIntro => "Sletter de afleveringer, du har lagt ind i denne opgave, fra denne enhed. Selve opgaven bliver.", "Erases the hand-ins you added to this assignment from this device. The assignment itself stays.";
    EraseHandIns => "Slet afleveringerne …", "Erase the hand-ins …";
    EraseHandInsConfirm => "Ja, slet afleveringerne", "Yes, erase the hand-ins";
    PlanOf => "Lektionsplan: {title}", "Lesson plan: {title}";
    PlanSteps => "Trin for trin", "Step by step";
    PlanKind => "Slags", "Kind";
    PlanMinutes => "Tid", "Time";
    AboutMinutes => "ca. {n} min.", "about {n} min";
    PlanMinutesNote => "Tider med »ca.« er Spires bud ud fra forløbets samlede tid – ret dem til din klasse.", "Times marked “about” are Spire's estimate from the lesson's total time — adjust them to your class.";
    Materials => "Det skal du bruge", "What you need";
    MaterialDevices => "En computer eller tablet med Spire pr. elev eller gruppe", "A computer or tablet with Spire per pupil or group";
    MaterialTimer => "Et ur, alle kan se (idéstorm og pitch på tid)", "A clock everyone can see (timed brainstorm and pitch)";
    MaterialProjector => "Projektor til klassetavlen (hvis klassen laver idéstormen sammen)", "A projector for the class board (if the class brainstorms together)";
    MaterialCanvas => "Lærredet »{canvas}« (vis det, eller print det)", "The canvas “{canvas}” (show it or print it)";
    MaterialRoleModel => "Rollemodellen {name}", "The role model {name}";
    StepTypeRead => "Læs", "Read";
    StepTypePrompt => "Skriv", "Write";
    StepTypeChoice => "Vælg", "Choose";
    StepTypeBrainstorm => "Idéstorm", "Brainstorm";
    StepTypeVote => "Afstemning", "Vote";
    StepTypeCanvas => "Lærred", "Canvas";
    StepTypeChecklist => "Tjekliste", "Checklist";
    StepTypeRoleModel => "Rollemodel", "Role model";
    StepTypePitch => "Pitch", "Pitch";
    StepTypeRubric => "Selvevaluering", "Self-assessment";
    NavDating => "StartUp Dating", "StartUp Dating";
    DatingTitle => "StartUp Dating", "StartUp Dating";
    DatingIntro => "Ved StartUp Dating mødes studerende fra forskellige uddannelser og danner stiftende teams. Hver studerende udfylder en grundlæggerprofil og giver den til arrangøren, som danner hold, der dækker de nødvendige kompetencer. Aftenen åbner med pitch på 60 sekunder og en afstemning.", "At StartUp Dating, students from different programmes meet and form founding teams. Each student fills in a founder profile and gives it to the organiser, who forms teams that cover the skills needed. The evening opens with 60-second pitches and a vote.";
    DatingForStudents => "Til den studerende", "For students";
    DatingForStudentsBody => "Udfyld din profil, og del den som fil, kode eller QR-kode. Forbered dig med udfordringen og forløbet nedenfor.", "Fill in your profile and share it as a file, a code or a QR code. Prepare with the challenge and the lesson below.";
    DatingForOrganisers => "Til arrangøren", "For organisers";
    DatingForOrganisersBody => "Saml profilerne, dan hold, og kør pitchrunder med timer og afstemning. Alt bliver på denne enhed.", "Collect the profiles, form teams, and run pitch rounds with a timer and a vote. Everything stays on this device.";
    DatingPrepare => "Forbered dig", "Prepare";
    MyProfileTitle => "Min grundlæggerprofil", "My founder profile";
    MyProfileIntro => "Profilen gemmes på denne enhed, mens du skriver. Når den er klar, deler du den med arrangøren som fil, kode eller QR-kode.", "The profile is saved on this device as you type. When it is ready, share it with the organiser as a file, a code or a QR code.";
    OrganiserTitle => "Arrangør: dan hold", "Organiser: form teams";
    OrganiserIntro => "Importér de studerendes profiler, tjek dem i tabellen, vælg indstillinger, og dan hold. Arrangementet gemmes på denne enhed, til du sletter det.", "Import the students' profiles, check them in the table, choose the settings and form teams. The event is saved on this device until you erase it.";
    PitchTitle => "Pitchrunder og afstemning", "Pitch rounds and vote";
    PitchIntro => "Idéhaverne pitcher i den rækkefølge, du bestemmer. Bagefter stemmer alle, og idéerne med flest stemmer bliver ankre, når du danner hold.", "The idea owners pitch in the order you set. Then everyone votes, and the ideas with most votes anchor the teams when you form them.";
    ProfileName => "Fornavn", "First name";
    ProfileInstitution => "Uddannelsessted", "Institution";
    ProfileKind => "Type uddannelsessted", "Kind of institution";
    ProfileProgramme => "Uddannelse", "Programme";
    ProfileSkills => "Kompetencer", "Skills";
    ProfileSkillsHelp => "Vælg det, du er god til – gerne flere.", "Choose what you are good at – several if you like.";
    ProfileInterests => "Interesser", "Interests";
    ProfileIdeaQuestion => "Har du en idé?", "Do you have an idea?";
    ProfileHasIdea => "Jeg har en idé", "I have an idea";
    ProfileWantsToJoin => "Jeg vil gerne være med på en idé", "I want to join an idea";
    ProfileIdeaTitle => "Idéens titel", "Title of the idea";
    ProfileIdeaLine => "Idéen på én linje", "The idea in one line";
    ProfileHours => "Timer om ugen", "Hours per week";
    ProfileWishes => "Vil gerne arbejde med (fornavne, adskilt med komma)", "Want to work with (first names, separated by commas)";
    ProfileWishesHelp => "Skriver I hinandens navne, prøver arrangøren at sætte jer på samme hold.", "If you write each other's names, the organiser tries to put you in the same team.";
    ProfileNeedsName => "Skriv dit fornavn.", "Write your first name.";
    ProfileNeedsInstitution => "Skriv dit uddannelsessted.", "Write your institution.";
    ProfileNeedsSkill => "Vælg mindst én kompetence.", "Choose at least one skill.";
    ProfileNeedsIdeaTitle => "Giv din idé en titel.", "Give your idea a title.";
    ProfileNotReady => "Før du kan dele profilen:", "Before you can share the profile:";
    ShareProfileTitle => "Del profilen med arrangøren", "Share the profile with the organiser";
    DownloadProfile => "Hent profilfil", "Download profile file";
    MakeProfileCode => "Lav delekode", "Make a share code";
    ProfileCode => "Delekode", "Share code";
    ProfileCodeHelp => "Koden har en kontrolsum, så en kode, der er skrevet forkert af eller klippet over, bliver opdaget.", "The code has a checksum, so a code that is mistyped or cut short is caught.";
    ProfileQrLabel => "QR-kode med din profil", "QR code with your profile";
    ProfileCodeFailed => "Koden kunne ikke laves i denne browser. Hent profilfilen i stedet.", "The code could not be made in this browser. Download the profile file instead.";
    SkillTech => "Teknologi og programmering", "Tech and programming";
    SkillDesign => "Design", "Design";
    SkillBusiness => "Forretning", "Business";
    SkillSales => "Salg", "Sales";
    SkillHealthCare => "Sundhed og omsorg", "Health and care";
    SkillCraft => "Håndværk og produktion", "Craft and production";
    SkillCommunication => "Kommunikation", "Communication";
    SkillFinance => "Økonomi", "Finance";
    SkillResearch => "Forskning og analyse", "Research";
    KindUniversity => "Universitet", "University";
    KindUniversityCollege => "Professionshøjskole", "University college";
    KindBusinessAcademy => "Erhvervsakademi", "Business academy";
    KindVocational => "Erhvervsskole", "Vocational school";
    KindGymnasium => "Gymnasium", "Upper secondary school";
    KindOther => "Andet", "Other";
    ProfileErrTooLarge => "sprunget over – filen er for stor til at være en profil", "skipped — the file is too large to be a profile";
    ProfileErrNotProfile => "sprunget over – det er ikke en grundlæggerprofil", "skipped — this is not a founder profile";
    ProfileErrBroken => "sprunget over – profilen er ødelagt eller har forkerte felter", "skipped — the profile is damaged or has wrong fields";
    ProfileErrNewer => "sprunget over – lavet med en nyere udgave af Spire", "skipped — made with a newer version of Spire";
    ProfileErrNoName => "sprunget over – profilen har intet navn", "skipped — the profile has no name";
    ImportProfilesTitle => "Importér profiler", "Import profiles";
    ImportProfilesIntro => "Vælg eller slip mange profilfiler på én gang, eller sæt delekoder ind – gerne mange, som de er kopieret.", "Choose or drop many profile files at once, or paste share codes – many at once, as copied.";
    PasteProfileCodes => "Delekoder", "Share codes";
    ImportProfileCodes => "Importér koderne", "Import the codes";
    TypeProfileTitle => "Skriv en profil ind", "Type in a profile";
    AddTypedProfile => "Tilføj profilen", "Add the profile";
    TypedSource => "indtastet", "typed in";
    ProfileImportSummary => "{added} tilføjet, {replaced} erstattet, {skipped} sprunget over.", "{added} added, {replaced} replaced, {skipped} skipped.";
    ProfileOutcomeAdded => "tilføjet", "added";
    ProfileOutcomeReplaced => "erstattede en ældre udgave", "replaced an older copy";
    ProfileOutcomeDuplicate => "sprunget over – profilen er der allerede", "skipped — the profile is already there";
    ProfileOutcomeOlder => "sprunget over – der er en nyere udgave", "skipped — a newer copy is there";
    ProfileOutcomeFull => "sprunget over – arrangementet har højst 1000 profiler", "skipped — an event holds at most 1000 profiles";
    NoteUnknownSkills => "ukendte kompetencer udeladt: {skills}", "unknown skills left out: {skills}";
    NoteClipped => "for lange tekster er afkortet", "texts that were too long were shortened";
    NoteWishesDropped => "gentagne eller for mange ønsker udeladt", "repeated or too many wishes left out";
    NoteSimilar => "samme navn og uddannelsessted som en anden profil", "same name and institution as another profile";
    ProfilesTitle => "Profiler ({n})", "Profiles ({n})";
    ProfilesEmpty => "Ingen profiler endnu.", "No profiles yet.";
    ProfilesUnreadable => "{n} gemte profiler kunne ikke læses og er ikke med.", "{n} saved profiles could not be read and are left out.";
    SortBy => "Sortér efter {column}", "Sort by {column}";
    ColumnIdea => "Idé", "Idea";
    ColumnActions => "Handlinger", "Actions";
    PossibleDuplicate => "Mulig dublet", "Possible duplicate";
    EditProfile => "Ret {name}", "Edit {name}";
    RemoveProfile => "Fjern {name}", "Remove {name}";
    SaveProfile => "Gem ændringerne", "Save the changes";
    Edit => "Ret", "Edit";
    SettingsTitle => "Indstillinger", "Settings";
    TeamMin => "Mindste holdstørrelse", "Smallest team size";
    TeamMax => "Største holdstørrelse", "Largest team size";
    MixInstitutions => "Bland uddannelsessteder på holdene", "Mix institutions in the teams";
    RequiredSkills => "Kompetencer, alle hold skal have", "Skills every team needs";
    PitchSeconds => "Sekunder per pitch", "Seconds per pitch";
    FormTeams => "Dan hold", "Form teams";
    ReformTeams => "Dan hold igen (låste hold bliver)", "Form teams again (locked teams stay)";
    TeamsTitle => "Hold", "Teams";
    TeamsEmpty => "Ingen hold endnu. Importér profiler, og tryk på Dan hold.", "No teams yet. Import profiles and press Form teams.";
    TeamN => "Hold {n}", "Team {n}";
    TeamIdea => "Idé: {title} ({name})", "Idea: {title} ({name})";
    TeamNoIdea => "Intet idéanker – holdet vælger selv en idé.", "No idea anchor – the team picks an idea.";
    TeamCovers => "Dækker: {skills}", "Covers: {skills}";
    TeamRequiredGaps => "Mangler af de nødvendige: {skills}", "Missing of the required: {skills}";
    TeamGaps => "Mangler i øvrigt: {skills}", "Also missing: {skills}";
    TeamInstitutions => "Uddannelsessteder: {list}", "Institutions: {list}";
    TeamWishes => "Ønsker opfyldt: {list}", "Wishes kept: {list}";
    LockTeam => "Lås hold {n}", "Lock team {n}";
    Unplaced => "Uden hold", "Without a team";
    UnplacedHelp => "Der var ikke nok til endnu et hold i den mindste størrelse. Byt dem ind, eller ændr holdstørrelsen.", "There were not enough for another team of the smallest size. Swap them in, or change the team size.";
    PickToSwap => "Vælg {name} til at bytte", "Pick {name} to swap";
    SwapWith => "Byt {picked} med {name}", "Swap {picked} with {name}";
    CancelSwap => "Fortryd valget", "Cancel the pick";
    SwapHelp => "Byt to personer: vælg den ene og så den anden – med tastatur eller mus – eller træk en person hen på en anden.", "Swap two people: pick one and then the other – by keyboard or mouse – or drag a person onto another.";
    SwapPicked => "{name} er valgt. Vælg nu den, {name} skal bytte med.", "{name} is picked. Now choose who {name} swaps with.";
    Swapped => "{a} og {b} har byttet hold.", "{a} and {b} have swapped teams.";
    SwapLocked => "Låste hold kan ikke ændres.", "Locked teams cannot be changed.";
    PrintTeams => "Udskriv holdlisten", "Print the team list";
    ExportTeamsCsv => "Eksportér holdene (CSV)", "Export the teams (CSV)";
    EraseEvent => "Slet arrangementet", "Erase the event";
    EraseEventConfirm => "Slet alle profiler, hold og stemmer på denne enhed?", "Erase all profiles, teams and votes on this device?";
    EventErased => "Arrangementet er slettet.", "The event has been erased.";
    CsvTeam => "Hold", "Team";
    CsvAnchor => "Idéanker", "Idea anchor";
    Yes => "Ja", "Yes";
    RunningOrderTitle => "Rækkefølge", "Running order";
    RunningOrderEmpty => "Ingen idéhavere endnu. Importér profiler på arrangørsiden.", "No idea owners yet. Import profiles on the organiser page.";
    PitchNow => "Pitch {n} af {m}", "Pitch {n} of {m}";
    PitchStart => "Start", "Start";
    PitchPause => "Pause", "Pause";
    PitchReset => "Forfra", "Restart";
    PitchNext => "Næste pitch", "Next pitch";
    PitchPrevious => "Forrige pitch", "Previous pitch";
    PitchFullscreen => "Vis på projektoren", "Show on the projector";
    PitchCueGo => "Tiden løber", "Time is running";
    PitchCueReady => "Klar", "Ready";
    PitchCueSoon => "Snart slut – rund af", "Nearly done – wrap up";
    PitchCueOver => "TIDEN ER GÅET", "TIME IS UP";
    PitchSecondsLeft => "{n} sekunder tilbage", "{n} seconds left";
    VoteTitle => "Afstemning", "Vote";
    VoteModePass => "Anonym afstemning på én enhed, der går rundt", "Anonymous vote on one device passed around";
    VoteModeTally => "Skriv en optælling ind", "Type in a tally";
    VoteFor => "Stem på {title}", "Vote for {title}";
    VoteThanks => "Tak for din stemme! Giv enheden videre.", "Thank you for voting! Pass the device on.";
    VoteNextVoter => "Næste stemmer", "Next voter";
    VoteCast => "{n} stemmer afgivet", "{n} votes cast";
    VotesFor => "Stemmer på {title}", "Votes for {title}";
    ResultsTitle => "Resultat", "Results";
    ShowResults => "Vis resultatet", "Show the results";
    HideResults => "Skjul resultatet", "Hide the results";
    ResultsFeed => "Når du danner hold, bliver idéerne med flest stemmer ankre først.", "When you form teams, the ideas with most votes anchor teams first.";
    VoteN => "{n} stemmer", "{n} votes";
    ClearVotes => "Nulstil stemmerne", "Reset the votes";
    ToOrganiser => "Til arrangørsiden", "To the organiser page";
    ToPitch => "Til pitchrunder og afstemning", "To pitch rounds and vote";
    DatingChallengeLink => "Udfordringen: Klar til StartUp Dating – profil, idé og pitch", "The challenge: Ready for StartUp Dating – profile, idea and pitch";
    DatingLessonLink => "Forløbet: Klar til StartUp Dating", "The lesson: Ready for StartUp Dating";
    ToMyProfile => "Til min profil", "To my profile";
    AccessibilityTitle => "Tilgængelighedserklæring", "Accessibility statement";
    AccessibilityBody => "Spire skal leve op til WCAG 2.1 niveau AA. Alt kan bruges med tastatur, alle felter har etiketter, fokus er altid synligt, og al tekst kan læses op.\n\nSpire respekterer indstillingen for reduceret bevægelse og virker i en bredde ned til 360 pixel.\n\nFinder du en barriere, så fortæl det til den, der har sat Spire op på din skole.", "Spire aims to meet WCAG 2.1 level AA. Everything can be used with a keyboard, every field has a label, focus is always visible and all text can be read aloud.\n\nSpire respects the reduced-motion setting and works at widths down to 360 pixels.\n\nIf you find a barrier, please tell whoever set up Spire at your school.";
}

/// What a step of type `type_name` is called where it has no title or question ("Afstemning",
/// "Lærred"): a list of steps never says just "Trin 5". A type this app does not know is a
/// step it cannot show.
pub fn step_kind(type_name: &str) -> Key {
    match type_name {
        "read" => Key::KindRead,
        "prompt" => Key::KindPrompt,
        "choice" => Key::KindChoice,
        "brainstorm" => Key::KindBrainstorm,
        "vote" => Key::KindVote,
        "canvas" => Key::KindCanvas,
        "checklist" => Key::KindChecklist,
        "role_model" => Key::KindRoleModel,
        "pitch" => Key::KindPitch,
        "rubric" => Key::KindRubric,
        _ => Key::KindBroken,
    }
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
    fn every_step_type_has_a_name_of_its_own() {
        use crate::core::content::step::STEP_TYPES;
        let mut names: Vec<&str> = STEP_TYPES
            .iter()
            .map(|ty| t(Lang::Da, step_kind(ty)))
            .collect();
        assert!(!names.contains(&t(Lang::Da, Key::KindBroken)));
        names.sort();
        names.dedup();
        assert_eq!(names.len(), STEP_TYPES.len());
        assert_eq!(step_kind("hologram"), Key::KindBroken);
    }

    #[test]
    fn fill_replaces_placeholders() {
        assert_eq!(fill("{n} af {m}", &[("n", "2"), ("m", "5")]), "2 af 5");
    }
}
