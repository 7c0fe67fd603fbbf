import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Init1795563940052 implements MigrationInterface {
  name = 'Init1795563940052';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE `status_mark` (`seq` int NOT NULL AUTO_INCREMENT, `id` varchar(36) NOT NULL, `complaintId` varchar(36) NOT NULL, `kind` varchar(16) NOT NULL, `at` datetime(3) NOT NULL, `actorId` varchar(36) NULL, `note` text NULL, `result` varchar(32) NULL, `applicantIin` varchar(12) NOT NULL, `assigneeId` varchar(36) NULL, `dueOn` varchar(10) NULL, INDEX `IDX_5d27d549fa69fd5f77d7da95a8` (`applicantIin`), INDEX `IDX_e5981f7af8467b47467001d4d0` (`complaintId`, `seq`), UNIQUE INDEX `IDX_bb2c034fa1ed00ece47e3c489d` (`id`), PRIMARY KEY (`seq`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `tracked_complaint` (`complaintId` varchar(36) NOT NULL, `number` varchar(32) NOT NULL, `applicantIin` varchar(12) NOT NULL, `serviceProviderId` varchar(36) NOT NULL, `katoCode` varchar(9) NULL, `handlerId` varchar(36) NOT NULL, `handlerBodyId` varchar(36) NULL, `reviewBodyKind` varchar(32) NOT NULL, `submittedAt` datetime(3) NOT NULL, `status` varchar(16) NOT NULL, `version` int NOT NULL DEFAULT '0', `registrationNumber` varchar(32) NULL, `registeredAt` datetime(3) NULL, `registeredOn` varchar(10) NULL, `originalDueOn` varchar(10) NULL, `reviewDueOn` varchar(10) NULL, `reviewResult` varchar(32) NULL, `closedOn` varchar(10) NULL, INDEX `IDX_0b8ed788723aa5c38e0b18c3a5` (`applicantIin`), INDEX `IDX_0d0c63a5862e69c48087c8f2b9` (`serviceProviderId`), INDEX `IDX_74f733b8529850c16190d6d724` (`handlerId`), INDEX `IDX_45c5b0ebec4f971ca3687189fb` (`submittedAt`), INDEX `IDX_4b4e0a85ed4866b3afb21d310b` (`reviewDueOn`), PRIMARY KEY (`complaintId`)) ENGINE=InnoDB");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX `IDX_4b4e0a85ed4866b3afb21d310b` ON `tracked_complaint`");
    await queryRunner.query("DROP INDEX `IDX_45c5b0ebec4f971ca3687189fb` ON `tracked_complaint`");
    await queryRunner.query("DROP INDEX `IDX_74f733b8529850c16190d6d724` ON `tracked_complaint`");
    await queryRunner.query("DROP INDEX `IDX_0d0c63a5862e69c48087c8f2b9` ON `tracked_complaint`");
    await queryRunner.query("DROP INDEX `IDX_0b8ed788723aa5c38e0b18c3a5` ON `tracked_complaint`");
    await queryRunner.query("DROP TABLE `tracked_complaint`");
    await queryRunner.query("DROP INDEX `IDX_bb2c034fa1ed00ece47e3c489d` ON `status_mark`");
    await queryRunner.query("DROP INDEX `IDX_e5981f7af8467b47467001d4d0` ON `status_mark`");
    await queryRunner.query("DROP INDEX `IDX_5d27d549fa69fd5f77d7da95a8` ON `status_mark`");
    await queryRunner.query("DROP TABLE `status_mark`");
  }
}
