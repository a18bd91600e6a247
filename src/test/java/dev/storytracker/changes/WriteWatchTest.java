package dev.storytracker.changes;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which statements retire the kept stories: every one that may write, and no plain read. */
class WriteWatchTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "select s.id from story s where s.slug = ?|false",
            "  SELECT 1|false",
            "(select a from t) union all (select b from u)|false",
            "values (1)|false",
            "/* hint */ select 1|false",
            "-- a comment\\nselect 1|false",
            "select id from story where id = ? for update|false",
            "with recursive sub(id) as (select 1) select * from sub|false",
            "with recursive sub(id) as (select id from roadmap_item) select updated_at, deleted from sub|false",
            "insert into story (slug) values (?)|true",
            "update story set title = ? where id = ?|true",
            "delete from story_link where story_id = ?|true",
            "merge into item_tally t using (values (1)) v(x) on true when matched then update set n = 1|true",
            "with gone as (delete from story_recount returning story_id) select story_id from gone|true",
            "with c as (select 1) insert into t select * from c|true",
            "set local work_mem = '64MB'|true",
            "truncate table story|true",
            "selector_update()|true",
            "/* never closed select|true",
            "call refresh()|true"})
    void only_statements_that_may_write_count(String sql, boolean writes) {
        assertEquals(writes, WriteWatch.writes(sql.replace("\\n", "\n")));
    }
}
