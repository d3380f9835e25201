//! The one integration-test binary: golden vectors, the command line, the systems model's
//! validation and game properties, and headless app tests.

mod accesskit;
mod answer;
mod app;
mod captions;
mod class;
mod class_view;
mod cli;
mod colour_vision;
mod crash;
mod damage;
mod demo;
mod des;
mod flow;
mod focus;
mod fonts;
mod fuzz;
mod golden;
mod instruments;
mod integrity;
mod layout;
mod ledger;
mod neutral;
mod panels;
mod peek;
mod prefs;
mod scenario;
mod shape;
mod store;
mod storefile;
mod submit;
mod systems;
mod tiers;
mod web;
mod winning;
mod world;
