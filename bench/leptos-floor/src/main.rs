//! The smallest Leptos page: what `make bench` measures as the floor of a Leptos CSR app.

use leptos::prelude::*;

fn main() {
    leptos::mount::mount_to_body(|| {
        view! {
            <main id="main">
                <article data-page="leptos-floor">
                    <h1>"En almindelig side"</h1>
                    <p>"Entreprenørskab i undervisningen handler om at se muligheder."</p>
                </article>
            </main>
        }
    });
}
