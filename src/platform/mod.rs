//! What differs between the desktop and the browser: the progress store (`storage`: redb on
//! the desktop, localStorage on the web) and the page (`web`: URL options, the loading
//! indicator, file input).

pub mod storage;
pub mod web;
