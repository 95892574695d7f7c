package io.callflow.app.dashboard;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** {@code /dashboard}: the static page in {@code static/dashboard/}; it asks for an API key itself. */
@Controller
public class DashboardPage {

    @GetMapping({"/dashboard", "/dashboard/"})
    public String page() {
        return "redirect:/dashboard/index.html";
    }
}
