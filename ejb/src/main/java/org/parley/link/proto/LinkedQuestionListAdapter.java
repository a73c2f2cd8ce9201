package org.parley.link.proto;

import java.util.ArrayList;
import java.util.List;
import org.infinispan.protostream.annotations.ProtoAdapter;
import org.infinispan.protostream.annotations.ProtoFactory;
import org.infinispan.protostream.annotations.ProtoField;
import org.infinispan.protostream.annotations.ProtoName;
import org.parley.link.LinkedQuestion;
import org.parley.link.LinkedQuestionList;

/** {@link LinkedQuestionList} on the wire. */
@ProtoAdapter(LinkedQuestionList.class)
@ProtoName("LinkedQuestionList")
public class LinkedQuestionListAdapter {

    @ProtoFactory
    LinkedQuestionList create(List<LinkedQuestion> questions) {
        return new LinkedQuestionList(questions);
    }

    @ProtoField(number = 1, collectionImplementation = ArrayList.class)
    List<LinkedQuestion> getQuestions(LinkedQuestionList list) {
        return list.questions();
    }
}
