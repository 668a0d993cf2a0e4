//! A recording speech engine for read-aloud tests (see `speech.js`): install it before
//! opening the app, then assert exactly what was said, in which language.
//!
//! ```ignore
//! app.fake_speech().await;
//! app.open("#/lessons/x/intro").await;
//! app.button("Læs op").await.click().await;
//! assert_eq!(app.spoken().await, [Utterance::new("Hej.\n", "da-DK")]);
//! app.finish_speaking().await;
//! ```

use serde_json::Value;

use super::App;

const FAKE_SPEECH: &str = include_str!("speech.js");

/// What the app asked the engine to say.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Utterance {
    pub text: String,
    /// The utterance's `lang`, e.g. `da-DK`.
    pub lang: String,
    /// The `lang` of the voice the app chose, if it chose one.
    pub voice: Option<String>,
    /// Whether it was spoken while another utterance still was (a real engine would queue
    /// it behind that one, so the pupil would hear the old text first).
    pub queued: bool,
}

impl Utterance {
    /// An utterance in `lang` with a voice of that language, not queued: what the app
    /// should produce.
    pub fn new(text: &str, lang: &str) -> Utterance {
        Utterance {
            text: text.to_string(),
            lang: lang.to_string(),
            voice: Some(lang.to_string()),
            queued: false,
        }
    }
}

impl App {
    /// Replaces `speechSynthesis` and `SpeechSynthesisUtterance` in every document this tab
    /// opens from now on. Call before [`App::open`].
    pub async fn fake_speech(&self) {
        self.add_init_script(FAKE_SPEECH).await;
    }

    /// Removes speech synthesis from every document this tab opens from now on, like a
    /// browser without it.
    pub async fn no_speech(&self) {
        self.add_init_script(
            "delete Window.prototype.speechSynthesis; delete window.speechSynthesis; \
             delete window.SpeechSynthesisUtterance;",
        )
        .await;
    }

    async fn speech_state(&self, expression: &str) -> Value {
        match self
            .try_js_value(
                &format!(
                    "if (!window.__speech) return 'no fake speech engine in this document'; \
                     return {expression}"
                ),
                vec![],
            )
            .await
        {
            Some(Value::String(why)) if why.starts_with("no fake") => {
                self.fail(&format!("{why}: call app.fake_speech() before app.open()"))
                    .await
            }
            Some(value) => value,
            None => self.fail("cannot read the fake speech engine").await,
        }
    }

    /// Everything the app asked the engine to say in this document, in order.
    pub async fn spoken(&self) -> Vec<Utterance> {
        let log = self.speech_state("window.__speech.log").await;
        log.as_array()
            .map(|entries| {
                entries
                    .iter()
                    .map(|e| Utterance {
                        text: e["text"].as_str().unwrap_or_default().to_string(),
                        lang: e["lang"].as_str().unwrap_or_default().to_string(),
                        voice: e["voice"].as_str().map(String::from),
                        queued: e["queued"] == true,
                    })
                    .collect()
            })
            .unwrap_or_default()
    }

    /// How many times the app called `speechSynthesis.cancel()`.
    pub async fn speech_cancels(&self) -> u64 {
        self.speech_state("window.__speech.cancels")
            .await
            .as_u64()
            .unwrap_or(0)
    }

    /// Whether the engine is in the middle of an utterance.
    pub async fn is_speaking(&self) -> bool {
        self.speech_state("window.__speech.speaking").await == Value::Bool(true)
    }

    /// The current utterance comes to its end, as when the text has been read.
    pub async fn finish_speaking(&self) {
        if self.speech_state("window.__speech.finish()").await != Value::Bool(true) {
            self.fail("finish_speaking: nothing was being spoken").await;
        }
    }

    /// The current utterance fails with `error` (e.g. `"synthesis-failed"`).
    pub async fn fail_speaking(&self, error: &str) {
        let call = format!("window.__speech.fail({})", Value::from(error));
        if self.speech_state(&call).await != Value::Bool(true) {
            self.fail("fail_speaking: nothing was being spoken").await;
        }
    }
}
