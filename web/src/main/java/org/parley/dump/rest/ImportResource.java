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
import java.util.List;
import org.parley.common.Actor;
import org.parley.dump.importer.ImportService;
import org.parley.dump.importer.ImportStatus;
import org.parley.site.web.CurrentSite;
import org.parley.user.security.AdminCredentials;

/**
 * {@code POST /api/imports} (form fields {@code dir}, {@code site}, optional {@code host} and {@code title}) starts an
 * import of a dump folder on the server and answers 202 with its status; {@code GET /api/imports/{id}} follows it;
 * {@code POST /api/imports/{id}/restart} resumes a failed one.
 */
@Path("imports")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class ImportResource {

    @EJB
    private ImportService imports;

    @Inject
    private AdminCredentials credentials;

    @Inject
    private CurrentSite site;

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response start(
            @FormParam("dir") String dir,
            @FormParam("site") String name,
            @FormParam("host") String host,
            @FormParam("title") String title,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        Actor admin = credentials.requireAdmin(site.id(), authorization);
        ImportStatus status = imports.start(admin, dir, name, host, title);
        return Response.accepted(status)
                .location(URI.create("imports/" + status.id()))
                .build();
    }

    @GET
    public List<ImportStatus> recent(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        credentials.requireAdmin(site.id(), authorization);
        return imports.recent(20);
    }

    @GET
    @Path("{id: [0-9]+}")
    public ImportStatus status(@PathParam("id") long id, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        credentials.requireAdmin(site.id(), authorization);
        return imports.status(id);
    }

    @POST
    @Path("{id: [0-9]+}/restart")
    public Response restart(@PathParam("id") long id, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        Actor admin = credentials.requireAdmin(site.id(), authorization);
        return Response.accepted(imports.restart(admin, id)).build();
    }
}
