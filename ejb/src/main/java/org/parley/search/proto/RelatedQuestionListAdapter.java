package org.parley.search.proto;

import java.util.ArrayList;
import java.util.List;
import org.infinispan.protostream.annotations.ProtoAdapter;
import org.infinispan.protostream.annotations.ProtoFactory;
import org.infinispan.protostream.annotations.ProtoField;
import org.infinispan.protostream.annotations.ProtoName;
import org.parley.search.RelatedQuestion;
import org.parley.search.RelatedQuestionList;

/** {@link RelatedQuestionList} on the wire. */
@ProtoAdapter(RelatedQuestionList.class)
@ProtoName("RelatedQuestionList")
public class RelatedQuestionListAdapter {

    @ProtoFactory
    RelatedQuestionList create(List<RelatedQuestion> questions) {
        return new RelatedQuestionList(questions);
    }

    @ProtoField(number = 1, collectionImplementation = ArrayList.class)
    List<RelatedQuestion> getQuestions(RelatedQuestionList list) {
        return list.questions();
    }
}
