package dev.threadlab.web;

import dev.threadlab.grading.ExerciseRepository;
import dev.threadlab.lesson.Language;
import dev.threadlab.lesson.Lesson;
import dev.threadlab.lesson.LessonRepository;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** The HTML pages: the course home and one page per lesson. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class CoursePages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance home(List<Lesson> lessons);

        static native TemplateInstance lesson(Lesson lesson, Lesson previous, Lesson next, List<ExerciseCard> exercises);

        static native TemplateInstance notFound(String what);
    }

    private final LessonRepository lessons;
    private final ExerciseRepository exercises;

    CoursePages(LessonRepository lessons, ExerciseRepository exercises) {
        this.lessons = lessons;
        this.exercises = exercises;
    }

    @GET
    public Response home(@QueryParam("lang") String lang, @CookieParam(PageLanguage.COOKIE) String cookie,
            @CookieParam(PageTheme.COOKIE) String theme, @HeaderParam("Accept-Language") String accept) {
        Language language = PageLanguage.resolve(lang, cookie, accept);
        return page(Response.ok(), Templates.home(lessons.all(language)), language, lang, theme);
    }

    @GET
    @Path("lessons/{id}")
    public Response lesson(@PathParam("id") String id, @QueryParam("lang") String lang,
            @CookieParam(PageLanguage.COOKIE) String cookie, @CookieParam(PageTheme.COOKIE) String theme,
            @HeaderParam("Accept-Language") String accept) {
        Language language = PageLanguage.resolve(lang, cookie, accept);
        List<Lesson> all = lessons.all(language);
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i).id().equals(id)) {
                Lesson previous = i > 0 ? all.get(i - 1) : null;
                Lesson next = i + 1 < all.size() ? all.get(i + 1) : null;
                List<ExerciseCard> cards = exercises.ofLesson(id).stream().map(e -> ExerciseCard.of(e, language)).toList();
                return page(Response.ok(), Templates.lesson(all.get(i), previous, next, cards), language, lang,
                        theme);
            }
        }
        return page(Response.status(Response.Status.NOT_FOUND), Templates.notFound("lesson '" + id + "'"), language,
                lang, theme);
    }

    /**
     * The page in its language (html lang, the page chrome's messages, the ?lang= choice remembered) and in the
     * learner's theme.
     */
    private static Response page(Response.ResponseBuilder response, TemplateInstance page, Language language,
            String requested, String theme) {
        page.setLocale(language.locale());
        page.data("lang", language.tag());
        page.data("theme", PageTheme.resolve(theme));
        if (Language.fromTag(requested).isPresent()) {
            response.cookie(PageLanguage.remember(language));
        }
        return response.entity(page).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).build();
    }
}
