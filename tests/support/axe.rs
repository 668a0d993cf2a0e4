//! Accessibility checks with axe-core (npm, pinned in package.json, installed by
//! `scripts/setup.sh`), injected into the page under test: WCAG 2.1 A and AA rules.
//!
//! ```ignore
//! app.open("#/lessons").await;
//! app.wait_for_page("lessons").await;
//! app.assert_accessible("the catalogue").await;
//! ```

use std::path::PathBuf;
use std::sync::OnceLock;

use serde_json::Value;

use super::App;

/// The rule sets checked: WCAG 2.0 and 2.1, levels A and AA.
const TAGS: &str = "['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']";

fn axe_source() -> &'static str {
    static SOURCE: OnceLock<String> = OnceLock::new();
    SOURCE.get_or_init(|| {
        let path =
            PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("node_modules/axe-core/axe.min.js");
        std::fs::read_to_string(&path).unwrap_or_else(|e| {
            panic!(
                "cannot read {}: {e}\nRun scripts/setup.sh (npm ci) to install axe-core.",
                path.display()
            )
        })
    })
}

impl App {
    /// axe-core's WCAG 2.1 A/AA violations in the current document, one line each:
    /// `rule (impact): help — selector, selector…`.
    pub async fn axe_violations(&self) -> Vec<String> {
        if self.js_value("return typeof window.axe", vec![]).await != "object" {
            // Run as a WebDriver script, which the page's Content-Security-Policy does not
            // govern; axe's UMD wrapper makes it `window.axe`.
            self.js_value(&format!("{}\nreturn true;", axe_source()), vec![])
                .await;
        }
        let found = self
            .js_await(&format!(
                "const r = await axe.run(document, {{ runOnly: {{ type: 'tag', values: {TAGS} }}, \
                   resultTypes: ['violations'] }}); \
                 return r.violations.map(v => `${{v.id}} (${{v.impact}}): ${{v.help}} — ` + \
                   v.nodes.slice(0, 5).map(n => n.target.join(' ')).join(', '));"
            ))
            .await;
        match found {
            Value::Array(items) => items
                .into_iter()
                .map(|v| v.as_str().unwrap_or_default().to_string())
                .collect(),
            other => panic!("axe-core returned {other}"),
        }
    }

    /// Fails the test when axe-core finds any WCAG 2.1 A/AA violation; `state` says what
    /// was on screen.
    pub async fn assert_accessible(&self, state: &str) {
        let violations = self.axe_violations().await;
        if !violations.is_empty() {
            self.fail(&format!(
                "axe-core found {} WCAG 2.1 A/AA violation(s) in {state}:\n{}",
                violations.len(),
                violations.join("\n")
            ))
            .await;
        }
    }
}
