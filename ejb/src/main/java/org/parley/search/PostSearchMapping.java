package org.parley.search;

import org.hibernate.search.mapper.orm.mapping.HibernateOrmMappingConfigurationContext;
import org.hibernate.search.mapper.orm.mapping.HibernateOrmSearchMappingConfigurer;
import org.hibernate.search.mapper.pojo.mapping.definition.programmatic.ProgrammaticMappingConfigurationContext;
import org.parley.analysis.SearchNames;
import org.parley.post.Answer;
import org.parley.post.Question;

/**
 * Maps questions and answers to their indexes in code, so that the model ({@code post}) carries no search
 * annotations and everything search knows of posts sits here. Named in persistence.xml
 * ({@code hibernate.search.mapping.configurer}).
 */
public class PostSearchMapping implements HibernateOrmSearchMappingConfigurer {

    @Override
    public void configure(HibernateOrmMappingConfigurationContext context) {
        ProgrammaticMappingConfigurationContext mapping = context.programmaticMapping();
        mapping.type(Question.class).indexed().index(SearchNames.QUESTION_INDEX).routingBinder(new SiteRoutingBinder());
        mapping.type(Question.class).binder(new PostDocumentBinder(true));
        mapping.type(Answer.class).indexed().index(SearchNames.ANSWER_INDEX).routingBinder(new SiteRoutingBinder());
        mapping.type(Answer.class).binder(new PostDocumentBinder(false));
    }
}
