package org.parley.backup.web;

import jakarta.ejb.EJB;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.sql.SQLException;
import org.parley.backup.BackupService;
import org.parley.common.JsonProviders;
import org.parley.web.OpsListener;

/**
 * {@code POST /ops/backup}, for {@code scripts/backup.sh}: takes an online backup of the database ({@link
 * BackupService}) and answers where it is, {@code {"file":"/…/parley/backups/parley-….zip","bytes":…,"millis":…}}.
 * Only on the operators' listener (loopback), like every operators' endpoint; a 404 anywhere else. A database the
 * server does not back up itself (PostgreSQL) is a 501 that says what to use; a failed backup a 500.
 */
@WebServlet("/ops/backup")
public class BackupServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @EJB
    private BackupService backups;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!OpsListener.isOps(request)) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        response.setHeader("Cache-Control", "no-store");
        BackupService.Backup backup;
        try {
            backup = backups.backUp();
        } catch (BackupService.NotSupported e) {
            response.sendError(HttpServletResponse.SC_NOT_IMPLEMENTED, e.getMessage());
            return;
        } catch (SQLException e) {
            throw new IOException("the backup failed: " + e.getMessage(), e);
        }
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.getWriter()
                .write(JsonProviders.JSON
                        .createObjectBuilder()
                        .add("file", backup.file().toString())
                        .add("bytes", backup.bytes())
                        .add("millis", backup.millis())
                        .build()
                        .toString());
    }
}
