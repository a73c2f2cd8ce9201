package org.parley.rest;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** Parley's JSON API, under {@code /api}. */
@ApplicationPath("/api")
public class ParleyApi extends Application {}
