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
    AccessibilityTitle => "Tilgængelighedserklæring", "Accessibility statement";
    AccessibilityBody => "Spire skal leve op til WCAG 2.1 niveau AA. Alt kan bruges med tastatur, alle felter har etiketter, fokus er altid synligt, og al tekst kan læses op.\n\nSpire respekterer indstillingen for reduceret bevægelse og virker i en bredde ned til 360 pixel.\n\nFinder du en barriere, så fortæl det til den, der har sat Spire op på din skole.", "Spire aims to meet WCAG 2.1 level AA. Everything can be used with a keyboard, every field has a label, focus is always visible and all text can be read aloud.\n\nSpire respects the reduced-motion setting and works at widths down to 360 pixels.\n\nIf you find a barrier, please tell whoever set up Spire at your school.";
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
