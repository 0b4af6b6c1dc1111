package dev.selvedge.web.api;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The REST API for the mobile app, the POS middleware and CRM tools; versioned in the path. */
@ApplicationPath("/api/v1")
public class ApiApplication extends Application {}
