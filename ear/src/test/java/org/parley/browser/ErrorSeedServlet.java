package org.parley.browser;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** Fails every request with an error of its own, for the exception log's page (AdminSitesBrowserIT). */
@WebServlet("/test/error-seed")
public class ErrorSeedServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) {
        throw new SeededFailure("seeded for the exception log page");
    }

    /** The error the page is searched for. */
    public static class SeededFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public SeededFailure(String message) {
            super(message);
        }
    }
}
