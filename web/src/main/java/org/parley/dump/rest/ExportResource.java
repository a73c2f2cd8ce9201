package org.parley.dump.rest;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.parley.common.Actor;
import org.parley.dump.export.ExportService;
import org.parley.dump.export.ExportService.ExportStatus;
import org.parley.site.web.CurrentSite;
import org.parley.user.security.AdminCredentials;

/**
 * {@code POST /api/exports} (form fields {@code site}: short name or host, {@code out}: a new or empty folder on the
 * server) starts an export and answers 202; {@code GET /api/exports/{id}} follows it.
 */
@Path("exports")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class ExportResource {

    @EJB
    private ExportService exports;

    @Inject
    private AdminCredentials credentials;

    @Inject
    private CurrentSite site;

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response start(
            @FormParam("site") String name,
            @FormParam("out") String out,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        Actor admin = credentials.requireAdmin(site.id(), authorization);
        ExportStatus status = exports.start(admin, name, out);
        return Response.accepted(status)
                .location(URI.create("exports/" + status.id()))
                .build();
    }

    @GET
    @Path("{id: [0-9]+}")
    public ExportStatus status(@PathParam("id") long id, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        credentials.requireAdmin(site.id(), authorization);
        return exports.status(id);
    }
}
