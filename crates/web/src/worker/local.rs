//! The checker on the main thread, for a page built without it (feature `page` alone): the
//! checker module, which the worker runs, started here too from the module `site/boot.js`
//! compiled (`globalThis.kpiformLoadChecker`). It is asked the worker's own messages.
//!
//! The page needs it for the checks that must be done before it goes on (an edit it made
//! itself, a click on results a moment old), and where no worker can be used. It loads once,
//! when first wanted (the page asks for it once idle); what is asked meanwhile waits for it.

use std::cell::RefCell;

use kpiform_core::wire;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use super::{Outcome, Reply, Request, Task};

type Then = Box<dyn FnOnce(bool)>;

enum Local {
    NotLoaded,
    Loading(Vec<Then>),
    /// The module's `kp_worker_handle` and `kp_worker_warm_up`.
    Ready(js_sys::Function, js_sys::Function),
    Failed,
}

thread_local! {
    static LOCAL: RefCell<Local> = const { RefCell::new(Local::NotLoaded) };
}

/// True when the checker is here and can be asked at once.
pub fn is_ready() -> bool {
    LOCAL.with(|l| matches!(*l.borrow(), Local::Ready(..)))
}

/// Call `then(true)` once the checker is here (now, if it is), `then(false)` if it cannot be
/// loaded; the first call loads it.
pub fn when_ready(then: impl FnOnce(bool) + 'static) {
    let mut then = Some(then);
    let (now, load) = LOCAL.with(|l| {
        let mut l = l.borrow_mut();
        match &mut *l {
            Local::Ready(..) => (Some(true), false),
            Local::Failed => (Some(false), false),
            Local::Loading(waiting) => {
                waiting.extend(then.take().map(|t| Box::new(t) as Then));
                (None, false)
            }
            Local::NotLoaded => {
                *l = Local::Loading(
                    then.take()
                        .map(|t| Box::new(t) as Then)
                        .into_iter()
                        .collect(),
                );
                (None, true)
            }
        }
    });
    if let (Some(ready), Some(then)) = (now, then) {
        then(ready);
    }
    if load {
        start_loading();
    }
}

/// Ask `site/boot.js` for the checker module's bindings; settle the waiting calls.
fn start_loading() {
    let promise = js_sys::Reflect::get(&js_sys::global(), &"kpiformLoadChecker".into())
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
        .and_then(|f| f.call0(&JsValue::NULL).ok())
        .and_then(|p| p.dyn_into::<js_sys::Promise>().ok());
    let Some(promise) = promise else {
        settle(None);
        return;
    };
    wasm_bindgen_futures::spawn_local(async move {
        let bindings = wasm_bindgen_futures::JsFuture::from(promise).await;
        let function = |b: &JsValue, name: &str| {
            js_sys::Reflect::get(b, &name.into())
                .ok()
                .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
        };
        match bindings {
            Ok(b) => {
                settle(function(&b, "kp_worker_handle").zip(function(&b, "kp_worker_warm_up")))
            }
            Err(e) => {
                web_sys::console::error_2(&"kpiform: the checker could not be loaded".into(), &e);
                settle(None);
            }
        }
    });
}

fn settle(bindings: Option<(js_sys::Function, js_sys::Function)>) {
    let ready = bindings.is_some();
    let waiting = LOCAL.with(|l| {
        let next = match bindings {
            Some((handle, warm)) => Local::Ready(handle, warm),
            None => Local::Failed,
        };
        match std::mem::replace(&mut *l.borrow_mut(), next) {
            Local::Loading(waiting) => waiting,
            _ => Vec::new(),
        }
    });
    for then in waiting {
        then(ready);
    }
}

/// Do `task` on `text` with the checker here; `None` when it is not here or failed.
pub fn run(id: u64, text: &str, task: &Task) -> Option<Outcome> {
    let handle = LOCAL.with(|l| match &*l.borrow() {
        Local::Ready(handle, _) => Some(handle.clone()),
        _ => None,
    })?;
    let request = wire::to_bytes(&Request {
        id,
        text: text.to_string(),
        task: task.clone(),
    });
    let reply = handle
        .call1(
            &JsValue::NULL,
            &js_sys::Uint8Array::from(request.as_slice()),
        )
        .ok()?
        .dyn_into::<js_sys::Uint8Array>()
        .ok()?
        .to_vec();
    let reply: Reply = wire::from_bytes(&reply).ok()?;
    Some(match reply.result {
        Outcome::Checked(mut doc) => {
            wire::restore(&mut doc, text);
            Outcome::Checked(doc)
        }
        exported => exported,
    })
}

/// Check the example once with the checker here (see `super::warm_up`).
pub fn warm_up() {
    let warm = LOCAL.with(|l| match &*l.borrow() {
        Local::Ready(_, warm) => Some(warm.clone()),
        _ => None,
    });
    if let Some(warm) = warm {
        let _ = warm.call0(&JsValue::NULL);
    }
}
